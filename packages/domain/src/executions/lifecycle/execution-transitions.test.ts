import { EXECUTION_STATUSES } from '@promptops/db';
import { describe, expect, it } from 'vitest';
import { ITEMS, RUNS } from '../../evaluations/run-transitions';
import { EXECUTIONS } from './execution-transitions';
import { defineStateMachine, type StateMachine, type Transition } from './state-machine';

/** Statuses reachable from creation by following the table. */
function reachable<S extends string>(transitions: Transition<S>[]): Set<S> {
  const seen = new Set(transitions.flatMap((t) => (t.from.length === 0 ? t.to : [])));
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of transitions) {
      if (!t.from.some((status) => seen.has(status))) continue;
      for (const status of t.to) {
        if (seen.has(status)) continue;
        seen.add(status);
        grew = true;
      }
    }
  }
  return seen;
}

/** The invariants every lifecycle table keeps. */
function checkInvariants<S extends string, T extends Record<string, Transition<S>>>(name: string, machine: StateMachine<S, T>) {
  const transitions: Transition<S>[] = Object.values(machine.transitions);
  describe(`${name}: invariants`, () => {
    it('splits its statuses into live and terminal', () => {
      expect([...machine.live, ...machine.terminal].sort()).toEqual([...machine.statuses].sort());
    });

    it('can reach every status from creation', () => {
      expect([...reachable(transitions)].sort()).toEqual([...machine.statuses].sort());
    });

    it('only lets an explicit request (reopens) move a terminal row', () => {
      for (const [transition, { from, reopens }] of Object.entries<Transition<S>>(machine.transitions)) {
        if (from.some((status) => machine.isTerminal(status))) expect({ transition, reopens }).toEqual({ transition, reopens: true });
      }
    });

    it('gives every live status a way to a terminal one', () => {
      for (const status of machine.live) {
        const leads = transitions.some((t) => !t.reopens && t.from.includes(status) && t.to.some((to) => machine.isTerminal(to)));
        expect({ status, leads }).toEqual({ status, leads: true });
      }
    });
  });
}

checkInvariants('executions', EXECUTIONS);
checkInvariants('runs', RUNS);
checkInvariants('run items', ITEMS);

describe('the execution transition table', () => {
  it('knows exactly the database enum, with queued and running live', () => {
    expect(EXECUTIONS.statuses).toEqual(EXECUTION_STATUSES);
    expect(EXECUTIONS.live).toEqual(['queued', 'running']);
    expect(EXECUTIONS.terminal).toEqual(['succeeded', 'failed', 'cancelled']);
    expect(EXECUTIONS.isTerminal('cancelled')).toBe(true);
    expect(EXECUTIONS.isLive('running')).toBe(true);
  });

  it('allows the moves the workers, the reconciler and cancellation make, and nothing out of a finished row', () => {
    const allowed = [
      ['queued', 'running'],
      ['running', 'running'],
      ['running', 'queued'],
      ['running', 'succeeded'],
      ['running', 'failed'],
      ['queued', 'cancelled'],
      ['running', 'cancelled'],
      ['queued', 'queued'],
      ['queued', 'failed'],
    ] as const;
    for (const [from, to] of allowed) expect({ from, to, allowed: EXECUTIONS.allows(from, to) }).toEqual({ from, to, allowed: true });
    for (const from of EXECUTIONS.terminal) {
      for (const to of EXECUTIONS.statuses) expect({ from, to, allowed: EXECUTIONS.allows(from, to) }).toEqual({ from, to, allowed: false });
    }
    // Only the worker holding a row finishes it: a queued row is never finished without being claimed.
    expect(EXECUTIONS.allows('queued', 'succeeded')).toBe(false);
  });

  it('renders the WHERE and the target of each conditional update from the table', () => {
    expect(EXECUTIONS.from('claim')).toBe("in ('queued', 'running')");
    expect(EXECUTIONS.from('finish')).toBe("in ('running')");
    expect(EXECUTIONS.to('release')).toBe("'queued'");
    expect(EXECUTIONS.to('cancel')).toBe("'cancelled'");
    expect(() => EXECUTIONS.to('finish')).toThrow(/single status/);
    expect(() => EXECUTIONS.from('dispatch')).toThrow(/creates rows/);
  });
});

describe('the run and item tables', () => {
  it('lets a cancelled run, and its cancelled items, be resumed, and nothing else reopen', () => {
    expect(RUNS.allows('cancelled', 'queued')).toBe(true);
    expect(ITEMS.allows('cancelled', 'pending')).toBe(true);
    expect(RUNS.allows('completed', 'queued')).toBe(false);
    expect(RUNS.allows('failed', 'queued')).toBe(false);
    expect(ITEMS.allows('scored', 'pending')).toBe(false);
    expect(RUNS.terminal).toEqual(['completed', 'failed', 'cancelled']);
    expect(ITEMS.live).toEqual(['pending', 'running']);
  });
});

describe('defineStateMachine', () => {
  it('refuses a status that is not a plain label, since statuses are quoted into SQL', () => {
    expect(() => defineStateMachine({ statuses: ["x'; drop table t; --"], live: [], transitions: {} })).toThrow(/plain label/);
  });
});
