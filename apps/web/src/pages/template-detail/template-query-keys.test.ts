import { describe, expect, it } from 'vitest';
import { isAboutTemplate, templateKeys } from './template-query-keys';

describe('isAboutTemplate', () => {
  it('matches the name, refs of its versions and the template lists', () => {
    expect(isAboutTemplate(templateKeys.versions('Greeter'), 'Greeter')).toBe(true);
    expect(isAboutTemplate(['template', 'Greeter@12', 'render'], 'Greeter')).toBe(true);
    expect(isAboutTemplate(['templates', { page: 1 }], 'Greeter')).toBe(true);
  });

  it('leaves other templates and other data alone', () => {
    expect(isAboutTemplate(['template', 'Greeter 2'], 'Greeter')).toBe(false);
    expect(isAboutTemplate(['template', 'Greeter@x'], 'Greeter')).toBe(false);
    expect(isAboutTemplate(['execution', 'Greeter'], 'Greeter')).toBe(false);
  });
});
