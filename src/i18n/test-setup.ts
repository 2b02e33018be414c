// Vitest setup: the Chinese pack is registered up front, so tests can switch languages synchronously
// (the page fetches it on demand: i18n/index.ts loadLanguage).
import { registerLanguage } from './index';
import { ZH_CN_PACK } from './zh-CN/pack';

registerLanguage('zh-CN', ZH_CN_PACK);
