import { describe, expect, it } from 'vitest';
import { categoryLabel, copyName, formatSuccessRate, successRateTone } from './templates-format';

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
  it('turns enum values into words', () => {
    expect(categoryLabel('auto_issue')).toBe('Auto issue');
    expect(categoryLabel('chat')).toBe('Chat');
    expect(categoryLabel('readme_update')).toBe('Readme update');
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
