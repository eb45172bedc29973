import { describe, expect, it } from 'vitest';
import {
  deactivateDescription,
  deactivatedByRollback,
  defaultDiffPair,
  newestFirst,
  pickShownVersion,
  previousVersion,
  resolvedAfterDeactivating,
  rollbackDescription,
  type TemplateVersion,
  versionOptionLabel,
  versionRef,
} from './template-versions';

function version(version_number: number, overrides: Partial<TemplateVersion> = {}): TemplateVersion {
  return {
    id: `00000000-0000-4000-8000-${String(version_number).padStart(12, '0')}`,
    name: 'Greeter',
    category: 'other',
    description: '',
    tags: [],
    system_prompt: '',
    user_prompt_template: 'Hi {{ name }}',
    model: '',
    provider: 'auto',
    temperature: 0.7,
    max_tokens: null,
    max_validation_retries: 2,
    version_number,
    parent_version: version_number > 1 ? version_number - 1 : null,
    source_template_id: null,
    is_active: true,
    resolved: false,
    usage_count: 0,
    last_used_at: null,
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    input_schema: null,
    output_schema: null,
    ...overrides,
  };
}

// v3 is the newest but inactive, so the name resolves to v2.
const versions = [version(3, { is_active: false }), version(2, { resolved: true }), version(1)];

describe('versionRef', () => {
  it('addresses exactly one version, names with @ and spaces included', () => {
    expect(versionRef('Greeter', 2)).toBe('Greeter@2');
    expect(versionRef('a@b c', 10)).toBe('a@b c@10');
  });
});

describe('pickShownVersion', () => {
  it('shows the requested version when the name has it', () => {
    expect(pickShownVersion(versions, 3)).toEqual({ kind: 'found', version: versions[0] });
  });

  it('shows the resolved version when none is requested', () => {
    expect(pickShownVersion(versions, undefined)).toEqual({ kind: 'found', version: versions[1] });
  });

  it('shows the newest version when no version is active', () => {
    const inactive = [version(1, { is_active: false }), version(2, { is_active: false })];
    expect(pickShownVersion(inactive, undefined)).toEqual({ kind: 'found', version: inactive[1] });
  });

  it('reports a requested version the name lacks, with the version to offer instead', () => {
    expect(pickShownVersion(versions, 9)).toEqual({ kind: 'missing', requested: 9, fallback: versions[1] });
  });
});

describe('previousVersion', () => {
  it('is the parent version', () => {
    expect(previousVersion([version(5, { parent_version: 2 }), version(2), version(1)], 5)).toBe(2);
  });

  it('falls back to the highest lower version when the parent was deleted', () => {
    expect(previousVersion([version(5, { parent_version: 3 }), version(4), version(1)], 5)).toBe(4);
  });

  it('is undefined for the first version', () => {
    expect(previousVersion(versions, 1)).toBeUndefined();
  });
});

describe('defaultDiffPair', () => {
  it('compares the shown version with the one before it', () => {
    expect(defaultDiffPair(versions, 3, {})).toEqual({ base: 2, target: 3 });
  });

  it('keeps versions from the URL that exist and replaces those that do not', () => {
    expect(defaultDiffPair(versions, 3, { base: 1, target: 2 })).toEqual({ base: 1, target: 2 });
    expect(defaultDiffPair(versions, 3, { base: 7, target: 2 })).toEqual({ base: 1, target: 2 });
    expect(defaultDiffPair(versions, 2, { target: 8 })).toEqual({ base: 1, target: 2 });
  });

  it('has no base for the first version', () => {
    expect(defaultDiffPair(versions, 1, {})).toEqual({ base: undefined, target: 1 });
  });
});

describe('activity changes', () => {
  it('names the version the name falls back to after a deactivation', () => {
    expect(resolvedAfterDeactivating(versions, 2)).toBe(1);
    expect(resolvedAfterDeactivating([version(1)], 1)).toBeUndefined();
  });

  it('lists the active higher versions a rollback deactivates', () => {
    const all = [version(4), version(3, { is_active: false }), version(2), version(1)];
    expect(deactivatedByRollback(all, 1)).toEqual([2, 4]);
    expect(deactivatedByRollback(all, 4)).toEqual([]);
  });
});

describe('confirmation texts', () => {
  it('says which versions a rollback deactivates', () => {
    const all = [version(3), version(2), version(1)];
    expect(rollbackDescription('Greeter', 1, all)).toBe(
      'Activates v1 and deactivates v2, v3, so “Greeter” resolves to v1. Executions by name run it from now on.',
    );
    expect(rollbackDescription('Greeter', 3, all)).toBe('Activates v3, so “Greeter” resolves to v3. Executions by name run it from now on.');
  });

  it('says what the name resolves to after a deactivation', () => {
    expect(deactivateDescription('Greeter', versions[1] as TemplateVersion, versions)).toBe(
      '“Greeter” will resolve to v1 instead; executions by name run v1 from now on.',
    );
    expect(deactivateDescription('Greeter', versions[2] as TemplateVersion, versions)).toBe('v1 stays available as “Greeter@1”.');
    const only = version(1, { resolved: true });
    expect(deactivateDescription('Greeter', only, [only])).toContain('will not resolve to any version');
  });
});

describe('labels and order', () => {
  it('labels a version with its state', () => {
    expect(versionOptionLabel(versions[0] as TemplateVersion)).toBe('v3 · inactive');
    expect(versionOptionLabel(versions[1] as TemplateVersion)).toBe('v2 · active · resolved');
  });

  it('sorts newest first', () => {
    expect(newestFirst([version(1), version(3), version(2)]).map((item) => item.version_number)).toEqual([3, 2, 1]);
  });
});
