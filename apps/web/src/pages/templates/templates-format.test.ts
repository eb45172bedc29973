import { describe, expect, it } from 'vitest';
import { categoryChoices, categoryLabel, copyName, describeDeletion, formatSuccessRate, successRateTone } from './templates-format';

describe('successRateTone', () => {
  it('is good from 95%, fair from 80%, poor below, none without finished executions', () => {
    expect(successRateTone(1)).toBe('good');
    expect(successRateTone(0.95)).toBe('good');
    expect(successRateTone(0.9499)).toBe('fair');
    expect(successRateTone(0.8)).toBe('fair');
    expect(successRateTone(0.7999)).toBe('poor');
    expect(successRateTone(0)).toBe('poor');
    expect(successRateTone(null)).toBe('none');
    expect(successRateTone(undefined)).toBe('none');
  });
});

describe('formatSuccessRate', () => {
  it('prints whole rates whole and others to a tenth', () => {
    expect(formatSuccessRate(1)).toBe('100%');
    expect(formatSuccessRate(0)).toBe('0%');
    expect(formatSuccessRate(0.5)).toBe('50.0%');
    expect(formatSuccessRate(2 / 3)).toBe('66.7%');
    expect(formatSuccessRate(null)).toBe('—');
  });

  it('never rounds a failure away or a success to nothing', () => {
    expect(formatSuccessRate(9999 / 10000)).toBe('99.9%');
    expect(formatSuccessRate(1 / 10000)).toBe('0.1%');
  });
});

describe('categoryLabel', () => {
  it('turns slugs into words', () => {
    expect(categoryLabel('auto_issue')).toBe('Auto issue');
    expect(categoryLabel('chat')).toBe('Chat');
    expect(categoryLabel('readme_update')).toBe('Readme update');
    expect(categoryLabel('code-review')).toBe('Code-review');
  });
});

describe('categoryChoices', () => {
  it('offers the suggestions, then the other categories in use, then the current value, each once', () => {
    const inUse = [{ name: 'support' }, { name: 'chat' }, { name: 'billing' }];
    expect(categoryChoices(['chat', 'other'], inUse)).toEqual(['chat', 'other', 'support', 'billing']);
    expect(categoryChoices(['chat'], inUse, 'legacy')).toEqual(['chat', 'support', 'billing', 'legacy']);
    expect(categoryChoices(['chat'], undefined, 'chat')).toEqual(['chat']);
  });
});

describe('copyName', () => {
  it('appends " (copy)"', () => {
    expect(copyName('Greeter')).toBe('Greeter (copy)');
  });

  it('stays within the 190-character name limit', () => {
    const copy = copyName('x'.repeat(190));
    expect(copy).toHaveLength(190);
    expect(copy.endsWith(' (copy)')).toBe(true);
  });
});

describe('describeDeletion', () => {
  it('says what went, what stays for history, and what the name resolves to now', () => {
    expect(
      describeDeletion({
        name: 'Greeter',
        versions: [
          { version_number: 3, deleted: 'hard' },
          { version_number: 2, deleted: 'soft' },
          { version_number: 1, deleted: 'hard' },
        ],
        resolves_to: null,
      }),
    ).toBe('Deleted Greeter: 2 versions removed, 1 version kept hidden for the history of their executions. Greeter no longer resolves to any version.');
    expect(describeDeletion({ name: 'Greeter', versions: [{ version_number: 3, deleted: 'hard' }], resolves_to: { version_number: 2 } })).toBe(
      'Deleted Greeter: 1 version removed. Greeter now resolves to v2.',
    );
  });
});
