/** A lesson text in the interface language (small on purpose: the first paint uses it for titles). */
import type { Lang } from '../../i18n';
import type { LocalizedText } from '../../scenarios/lessons/types';

export function textIn(text: LocalizedText, lang: Lang): string {
  return lang === 'zh-CN' ? text.zh : text.en;
}
