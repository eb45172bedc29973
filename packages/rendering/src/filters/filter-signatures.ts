import { type CallArguments, pythonError } from '../python/python-values';

/**
 * The Python signatures of Jinja2 3.1's filters (`inspect.signature`, with the function names
 * Python's TypeErrors use), so a call binds its arguments as Jinja2's would: an unknown keyword
 * (`tojson(ensure_ascii=False)`), one positional argument too many or a missing required one is
 * a TypeError. `environment`/`eval_ctx` are passed by Jinja2 itself; `/` marks C builtins,
 * which take no keywords.
 */
const SIGNATURES: Record<string, string> = {
  abs: 'abs(x, /)',
  attr: 'do_attr(environment, obj, name)',
  batch: 'do_batch(value, linecount, fill_with=)',
  capitalize: 'do_capitalize(s)',
  center: 'do_center(value, width=)',
  count: 'len(obj, /)',
  d: 'do_default(value, default_value=, boolean=)',
  default: 'do_default(value, default_value=, boolean=)',
  dictsort: 'do_dictsort(value, case_sensitive=, by=, reverse=)',
  e: 'escape(s)',
  escape: 'escape(s)',
  filesizeformat: 'do_filesizeformat(value, binary=)',
  first: 'sync_do_first(environment, seq)',
  float: 'do_float(value, default=)',
  forceescape: 'do_forceescape(value)',
  format: 'do_format(value, *args, **kwargs)',
  groupby: 'sync_do_groupby(environment, value, attribute, default=, case_sensitive=)',
  indent: 'do_indent(s, width=, first=, blank=)',
  int: 'do_int(value, default=, base=)',
  items: 'do_items(value)',
  join: 'sync_do_join(eval_ctx, value, d=, attribute=)',
  last: 'do_last(environment, seq)',
  length: 'len(obj, /)',
  list: 'sync_do_list(value)',
  lower: 'do_lower(s)',
  map: 'sync_do_map(context, value, *args, **kwargs)',
  max: 'do_max(environment, value, case_sensitive=, attribute=)',
  min: 'do_min(environment, value, case_sensitive=, attribute=)',
  pprint: 'do_pprint(value)',
  reject: 'sync_do_reject(context, value, *args, **kwargs)',
  rejectattr: 'sync_do_rejectattr(context, value, *args, **kwargs)',
  replace: 'do_replace(eval_ctx, s, old, new, count=)',
  reverse: 'do_reverse(value)',
  round: 'do_round(value, precision=, method=)',
  safe: 'do_mark_safe(value)',
  select: 'sync_do_select(context, value, *args, **kwargs)',
  selectattr: 'sync_do_selectattr(context, value, *args, **kwargs)',
  slice: 'sync_do_slice(value, slices, fill_with=)',
  sort: 'do_sort(environment, value, reverse=, case_sensitive=, attribute=)',
  string: 'soft_str(s)',
  striptags: 'do_striptags(value)',
  sum: 'sync_do_sum(environment, iterable, attribute=, start=)',
  title: 'do_title(s)',
  tojson: 'do_tojson(eval_ctx, value, indent=)',
  trim: 'do_trim(value, chars=)',
  truncate: 'do_truncate(env, s, length=, killwords=, end=, leeway=)',
  unique: 'sync_do_unique(environment, value, case_sensitive=, attribute=)',
  upper: 'do_upper(s)',
  urlencode: 'do_urlencode(value)',
  urlize: 'do_urlize(eval_ctx, value, trim_url_limit=, nofollow=, target=, rel=, extra_schemes=)',
  wordcount: 'do_wordcount(s)',
  wordwrap: 'do_wordwrap(environment, s, width=, break_long_words=, wrapstring=, break_on_hyphens=)',
  xmlattr: 'do_xmlattr(eval_ctx, d, autospace=)',
};

const PASSED_BY_JINJA = new Set(['environment', 'env', 'eval_ctx', 'context']);

interface Signature {
  function: string;
  /** Every positional-or-keyword parameter, the value and any Jinja2-passed one included. */
  names: string[];
  required: number;
  /** Parameters Jinja2 fills before the filtered value. */
  passed: number;
  variadic: boolean;
  builtin: boolean;
}

function parseSignature(text: string): Signature {
  const [, name = '', list = ''] = /^(\w+)\((.*)\)$/.exec(text) ?? [];
  const params = list.split(', ');
  const names = params.filter((param) => /^\w+=?$/.test(param)).map((param) => param.replace('=', ''));
  return {
    function: name,
    names,
    required: params.filter((param) => /^\w+$/.test(param)).length,
    passed: PASSED_BY_JINJA.has(names[0] ?? '') ? 1 : 0,
    variadic: params.includes('*args'),
    builtin: params.includes('/'),
  };
}

const PARSED = new Map(Object.entries(SIGNATURES).map(([filter, text]) => [filter, parseSignature(text)]));

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function quotedList(names: string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length === 2) return quoted.join(' and ');
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}`;
}

/** Raises the TypeError Python raises when `filter` cannot bind `call` (after the filtered value). */
export function checkFilterArguments(filter: string, call: CallArguments): void {
  const signature = PARSED.get(filter);
  if (!signature || signature.variadic) return;
  const { function: fn, names, required, passed } = signature;
  const given = passed + 1 + call.positional.length;
  if (signature.builtin) {
    if (call.keywords.size > 0) pythonError('TypeError', `${fn}() takes no keyword arguments`);
    if (given > names.length) pythonError('TypeError', `${fn}() takes exactly one argument (${given} given)`);
    return;
  }
  for (const keyword of call.keywords.keys()) {
    const position = names.indexOf(keyword);
    if (position < passed) pythonError('TypeError', `${fn}() got an unexpected keyword argument '${keyword}'`);
    if (position < given) pythonError('TypeError', `${fn}() got multiple values for argument '${keyword}'`);
  }
  if (given > names.length) {
    const takes = required === names.length ? `${names.length}` : `from ${required} to ${names.length}`;
    pythonError('TypeError', `${fn}() takes ${takes} positional argument${names.length === 1 ? '' : 's'} but ${given} ${given === 1 ? 'was' : 'were'} given`);
  }
  const missing = names.slice(given, required).filter((name) => !call.keywords.has(name));
  if (missing.length > 0) pythonError('TypeError', `${fn}() missing ${plural(missing.length, 'required positional argument')}: ${quotedList(missing)}`);
}
