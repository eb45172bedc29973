import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps paths on this origin, with their query', () => {
    expect(safeNextPath('/templates/Greeter?tab=diff')).toBe('/templates/Greeter?tab=diff');
    expect(safeNextPath('/admin/queues')).toBe('/admin/queues');
  });

  it('refuses other origins and loops back to sign-in', () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/sign-in?next=/x', '', undefined]) {
      expect(safeNextPath(next)).toBe('/templates');
    }
  });
});
