/**
 * The shape of one language's narration table (src/i18n/<lang>/narration.ts): a sentence template per
 * message id of the engine's catalog (src/engine/model/messages.ts) and a wording for every token of the
 * closed-list parameters (PARAM_TOKENS). Templates and token wordings use `{param}` placeholders filled
 * from the record (`{key}` and `{rv}` are the record's own key and resourceVersion when no parameter has
 * that name). The types make a table complete: a missing id or token does not compile.
 */
import type { MessageId, OptionalParam, PARAM_TOKENS, TokenParam } from '../engine/model/messages';

/** Every token of parameter P, as the string a table keys it by (`true`, `queued`, ...). */
export type TokenOf<P extends TokenParam> = `${(typeof PARAM_TOKENS)[P][number]}`;

export interface NarrationTable {
  /** The sentence of each message id. */
  readonly templates: Readonly<Record<MessageId, string>>;
  /** The words for each token of each closed-list parameter (they may use the record's placeholders). */
  readonly tokens: { readonly [P in TokenParam]: Readonly<Record<TokenOf<P>, string>> };
  /**
   * A suffix per optional parameter (OPTIONAL_PARAMS), appended to the sentence of a record that carries
   * it (S38: `replica`, only with several apiserver replicas); it uses that parameter's placeholder.
   */
  readonly optional: Readonly<Record<OptionalParam, string>>;
}

/** One language's strings: its UI strings by key and its narration table (i18n/index.ts registers them). */
export interface LanguagePack {
  readonly ui: Readonly<Record<string, string>>;
  readonly narration: NarrationTable;
}
