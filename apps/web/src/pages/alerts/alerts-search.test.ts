import { describe, expect, it } from 'vitest';
import { validateAlertsSearch } from './alerts-search';

describe('the Alerts page URL', () => {
  it('keeps a known tab, and leaves the default one out', () => {
    expect(validateAlertsSearch({ tab: 'webhooks' })).toEqual({ tab: 'webhooks' });
    expect(validateAlertsSearch({ tab: 'budgets' })).toEqual({});
  });

  it('drops an unknown tab', () => {
    expect(validateAlertsSearch({ tab: 'billing' })).toEqual({});
  });
});
