import { JudgeInterrupted, type Judge } from '../judge-runner';
import { asText } from './output-access';
import { verdict, type Scorer, type ScorerConfig } from './scorer-types';

/**
 * Asks the judge template for a score. The threshold decides; a judge that explicitly says
 * `passed: false` vetoes. A judge that cannot answer scores 0 with the error as the reason.
 */
export function llmJudgeScorer(config: Extract<ScorerConfig, { type: 'llm_judge' }>, judge: Judge): Scorer {
  const threshold = config.threshold ?? 0.5;
  const overrides = { ...(config.provider ? { provider: config.provider } : {}), ...(config.model ? { model: config.model } : {}) };
  return {
    async score({ output, expected, input }) {
      const context = {
        rubric: config.rubric,
        input: asText(input),
        output: asText(output),
        ...(expected === null || expected === undefined ? {} : { expected: asText(expected) }),
      };
      try {
        const answer = await judge(config.template as string, context, overrides);
        const score = Math.min(1, Math.max(0, answer.score));
        return { score, passed: score >= threshold && answer.passed !== false, reason: answer.reason || `judge score ${score}` };
      } catch (error) {
        if (error instanceof JudgeInterrupted) throw error;
        return verdict(false, `judge failed: ${(error as Error).message}`);
      }
    },
  };
}
