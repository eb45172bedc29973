import type { Random } from './seeded-random';

/**
 * Best-effort generator of a string matching a JSON-Schema `pattern`. Covers the subset LLM output
 * schemas use (literals, classes, escapes, groups, alternation, quantifiers); lookarounds and
 * back-references generate nothing. Callers must still test the result against the real RegExp.
 */
type Node = { t: 'lit'; s: string } | { t: 'set'; chars: string[] } | { t: 'alt'; options: Node[][] } | { t: 'rep'; node: Node; min: number; max: number };

const DIGITS = '0123456789'.split('');
const WORD = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'.split('');
const ANY = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
// Candidates for negated classes such as [^,\s].
const POOL = 'abcxyzABCXYZ0123456789-_.@ '.split('');
const CLASS_ESCAPES: Record<string, string[]> = { d: DIGITS, w: WORD, s: [' '], D: ['x'], W: ['-'], S: ['x'] };
const CONTROL: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

class Parser {
  pos = 0;
  constructor(readonly src: string) {}

  alternation(): Node {
    const options: Node[][] = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return { t: 'alt', options };
  }

  sequence(): Node[] {
    const nodes: Node[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      if (atom) nodes.push(this.quantified(atom));
    }
    return nodes;
  }

  atom(): Node | null {
    const ch = this.src[this.pos++] as string;
    if (ch === '^' || ch === '$') return null;
    if (ch === '.') return { t: 'set', chars: ANY };
    if (ch === '[') return this.charClass();
    if (ch === '\\') return this.escape(false);
    if (ch === '(') {
      let lookaround = false;
      if (this.src[this.pos] === '?') {
        const kind = this.src[this.pos + 1];
        lookaround = kind === '=' || kind === '!' || (kind === '<' && /[=!]/.test(this.src[this.pos + 2] ?? ''));
        if (kind === '<' && !lookaround) this.pos = this.src.indexOf('>', this.pos) + 1;
        else this.pos += lookaround ? (kind === '<' ? 3 : 2) : 2;
      }
      const inner = this.alternation();
      this.pos++; // ')'
      return lookaround ? null : inner;
    }
    return { t: 'lit', s: ch };
  }

  escape(inClass: boolean): Node | null {
    const ch = this.src[this.pos++] as string;
    const set = CLASS_ESCAPES[ch];
    if (set) return { t: 'set', chars: set };
    if (CONTROL[ch]) return { t: 'lit', s: CONTROL[ch] };
    if (ch === 'u' || ch === 'x') {
      const braced = this.src[this.pos] === '{';
      const match = braced
        ? /^\{([0-9a-fA-F]+)\}/.exec(this.src.slice(this.pos))
        : /^[0-9a-fA-F]+/.exec(this.src.slice(this.pos, this.pos + (ch === 'u' ? 4 : 2)));
      if (match) {
        this.pos += match[0].length;
        return { t: 'lit', s: String.fromCodePoint(Number.parseInt(match[1] ?? match[0], 16)) };
      }
    }
    if (ch === 'p' || ch === 'P') {
      this.pos = this.src.indexOf('}', this.pos) + 1;
      return { t: 'set', chars: ch === 'p' ? ['a'] : ['1'] };
    }
    if (!inClass && (ch === 'b' || ch === 'B' || /[1-9]/.test(ch))) return null;
    return { t: 'lit', s: ch === 'b' ? '\b' : ch };
  }

  charClass(): Node {
    const negated = this.src[this.pos] === '^';
    if (negated) this.pos++;
    const chars: string[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== ']') {
      let start: string[];
      if (this.src[this.pos] === '\\') {
        this.pos++;
        const node = this.escape(true);
        start = node?.t === 'set' ? node.chars : node?.t === 'lit' ? [node.s] : [];
      } else start = [this.src[this.pos++] as string];
      const single = start.length === 1 ? start[0] : undefined;
      if (single !== undefined && this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        let endNode: Node | null;
        if (this.src[this.pos] === '\\') {
          this.pos++;
          endNode = this.escape(true);
        } else endNode = { t: 'lit', s: this.src[this.pos++] as string };
        const end = endNode?.t === 'lit' ? endNode.s : single;
        const from = single.codePointAt(0) ?? 0;
        const to = Math.min(end.codePointAt(0) ?? from, from + 200);
        for (let c = from; c <= to; c++) chars.push(String.fromCodePoint(c));
      } else chars.push(...start);
    }
    this.pos++; // ']'
    if (!negated) return { t: 'set', chars: chars.length ? chars : ['a'] };
    const allowed = POOL.filter((c) => !chars.includes(c));
    return { t: 'set', chars: allowed.length ? allowed : ['~'] };
  }

  quantified(node: Node): Node {
    const ch = this.src[this.pos];
    let min = 1;
    let max = 1;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.pos++;
      [min, max] = ch === '*' ? [0, 3] : ch === '+' ? [1, 4] : [0, 1];
    } else if (ch === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!match) return node;
      this.pos += match[0].length;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] ? Number(match[3]) : min + 3;
    } else return node;
    if (this.src[this.pos] === '?' || this.src[this.pos] === '+') this.pos++; // lazy/possessive
    return { t: 'rep', node, min, max };
  }
}

function render(node: Node, random: Random, out: string[]): void {
  if (node.t === 'lit') out.push(node.s);
  else if (node.t === 'set') out.push(random.pick(node.chars));
  else if (node.t === 'alt') for (const child of random.pick(node.options)) render(child, random, out);
  else {
    const times = random.int(node.min, Math.min(node.max, node.min + 3));
    for (let i = 0; i < times; i++) render(node.node, random, out);
  }
}

/** One candidate string for `pattern`, or undefined when the pattern cannot be parsed. */
export function samplePattern(pattern: string, random: Random): string | undefined {
  try {
    const parser = new Parser(pattern);
    const root = parser.alternation();
    const out: string[] = [];
    render(root, random, out);
    return out.join('');
  } catch {
    return undefined;
  }
}
