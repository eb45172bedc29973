/**
 * One way a status may change. `from: []` creates a row in `to`; `to: []` removes the row.
 * `reopens` marks the only kind of transition allowed out of a terminal status: one a caller asks
 * for explicitly (resuming a cancelled run), never one a worker or reconciler makes on its own.
 */
export interface Transition<S extends string> {
  from: readonly S[];
  to: readonly S[];
  reopens?: boolean;
}

export interface StateMachine<S extends string, T extends Record<string, Transition<S>>> {
  statuses: readonly S[];
  transitions: T;
  /** Statuses work is still under way in: some worker, queue or reconciler will move the row on. */
  live: readonly S[];
  /** Statuses nothing moves the row out of on its own. */
  terminal: readonly S[];
  isLive(status: string): status is S;
  isTerminal(status: string): status is S;
  /** True when some transition of the table moves `from` to `to`. */
  allows(from: S, to: S): boolean;
  /** `in ('queued', 'running')`: the statuses `name` starts from, for the WHERE of its conditional UPDATE. */
  from(name: keyof T): string;
  /** `'running'`: the single status `name` leads to, as a SQL literal. */
  to(name: keyof T): string;
  /** `in ('a', 'b')` for any list of this machine's statuses (the live ones, say). */
  sqlIn(statuses: readonly S[]): string;
}

const SAFE_STATUS = /^[a-z_]+$/;

/**
 * Builds the helpers a lifecycle module needs around its transition table. Statuses are enum
 * labels the code itself declares (checked here), so quoting them into SQL is safe.
 */
export function defineStateMachine<S extends string, const T extends Record<string, Transition<S>>>(definition: {
  statuses: readonly S[];
  live: readonly S[];
  transitions: T;
}): StateMachine<S, T> {
  const { statuses, live, transitions } = definition;
  for (const status of statuses) if (!SAFE_STATUS.test(status)) throw new Error(`status ${status} is not a plain label`);
  const terminal = statuses.filter((status) => !live.includes(status));
  const sqlIn = (list: readonly S[]) => `in (${list.map((status) => `'${status}'`).join(', ')})`;
  return {
    statuses,
    transitions,
    live,
    terminal,
    isLive: (status): status is S => (live as readonly string[]).includes(status),
    isTerminal: (status): status is S => (terminal as readonly string[]).includes(status),
    allows: (from, to) => Object.values(transitions).some((transition) => transition.from.includes(from) && transition.to.includes(to)),
    from(name) {
      const { from } = transitions[name] as Transition<S>;
      if (from.length === 0) throw new Error(`${String(name)} creates rows; it has no status to start from`);
      return sqlIn(from);
    },
    to(name) {
      const { to } = transitions[name] as Transition<S>;
      if (to.length !== 1) throw new Error(`${String(name)} does not lead to a single status`);
      return `'${to[0]}'`;
    },
    sqlIn,
  };
}
