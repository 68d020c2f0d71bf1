/**
 * Words too common in proposals and reports to tell documents apart. They stay searchable
 * (search matches on character bigrams), but they are left out of the word tokens and of the
 * similarity model so that "关于进一步加强…的建议" does not make every proposal look alike.
 */
const FUNCTION_WORDS =
  '的 了 和 与 及 以及 或 或者 等 等等 在 对 对于 关于 把 被 是 为 为了 从 向 将 并 并且 也 就 都 而 又 其 之 所 以 于 由 ' +
  '中 上 下 个 这 那 这些 那些 这个 该 此 有 没有 我 我们 你 他 她 它 他们 其中 一 一些 一个 各 各类 不 还 已 已经 仍 ' +
  '但 但是 如 如果 因 因为 所以 因此 通过 进行 开展 实施 要 应 应当 需要 可以 能 能够 更 更加 较 比较 很 非常 到 给 让 ' +
  '使 得 着 过 吗 呢 吧';

const PROPOSAL_BOILERPLATE =
  '提案 建议 议案 意见 加强 进一步 推进 推动 促进 完善 提升 提高 切实 积极 认真 不断 全面 有关 相关 方面 问题 工作 ' +
  '情况 分析 存在 目前 当前 我县 我市 我区 我省 全县 全市 全区 县 市 区';

export const STOP_WORDS: ReadonlySet<string> = new Set(`${FUNCTION_WORDS} ${PROPOSAL_BOILERPLATE}`.split(' '));

/**
 * Characters that make a character bigram meaningless for similarity (a bigram that straddles
 * a function word, like 站的 or 的提).
 */
export const STOP_CHARS: ReadonlySet<string> = new Set([...'的了和与及或等在对把被是为从向将并也就都而又其之所以于这那个们我']);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
