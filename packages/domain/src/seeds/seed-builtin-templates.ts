import { PromptConflictError } from '@promptops/errors';
import type { TemplateService } from '../templates/template-service';
import { CHAT_ASSISTANT } from './chat-assistant';
import { DOCUMENTATION_GENERATOR, README_UPDATE_GENERATOR } from './documentation-templates';
import { LLM_JUDGE } from './llm-judge';
import { AUTO_ISSUE_GENERATOR, FEEDBACK_ISSUE_CREATOR, SUB_ISSUE_GENERATOR } from './issue-templates';
import { PROMPT_GENERATOR } from './prompt-generator';
import type { SeedTemplate } from './seed-definition';
import { upgradeSeededTemplates } from './seed-upgrades';

export const BUILTIN_TEMPLATES: readonly SeedTemplate[] = [
  CHAT_ASSISTANT,
  AUTO_ISSUE_GENERATOR,
  FEEDBACK_ISSUE_CREATOR,
  DOCUMENTATION_GENERATOR,
  README_UPDATE_GENERATOR,
  SUB_ISSUE_GENERATOR,
  PROMPT_GENERATOR,
  LLM_JUDGE,
];

export interface SeedReport {
  created: string[];
  skipped: string[];
  /** Existing built-ins, untouched since an earlier release seeded them, given a new version with today's content. */
  upgraded: string[];
}

type SeedTarget = { templates: TemplateService };

/**
 * Creates each built-in whose name has no version yet; existing names are left alone, except that
 * one still holding an outdated earlier seed, untouched, is upgraded (see upgradeSeededTemplates).
 * Running it again is harmless and concurrent runs cannot duplicate a name.
 */
export async function seedBuiltinTemplates({ templates }: SeedTarget): Promise<SeedReport> {
  const report: SeedReport = { created: [], skipped: [], upgraded: await upgradeSeededTemplates(templates, BUILTIN_TEMPLATES) };
  for (const { template } of BUILTIN_TEMPLATES) {
    try {
      await templates.create(template);
      report.created.push(template.name);
    } catch (error) {
      if (!(error instanceof PromptConflictError)) throw error;
      report.skipped.push(template.name);
    }
  }
  return report;
}

/**
 * Start-up seeding: only a brand-new installation (no template rows at all) gets the built-ins; an
 * existing one gets its outdated, untouched built-ins upgraded. Null when nothing changed.
 */
export async function seedIfEmpty(target: SeedTarget): Promise<SeedReport | null> {
  if (!(await target.templates.hasAnyVersion())) return seedBuiltinTemplates(target);
  const upgraded = await upgradeSeededTemplates(target.templates, BUILTIN_TEMPLATES);
  return upgraded.length > 0 ? { created: [], skipped: [], upgraded } : null;
}
