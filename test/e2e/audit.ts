import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Runs axe-core in the page (every rule, colour contrast included) and returns the serious and
 * critical violations, one line each. The page's context must be created with `bypassCSP: true`:
 * the production CSP rightly refuses the script tag axe arrives in.
 */
export async function findSeriousA11yViolations(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document);
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.targets.join(', ')}`,
    );
}

export interface PageProblems {
  /** Uncaught exceptions in the page. */
  readonly errors: string[];
  /** Console messages about a refused Content-Security-Policy directive. */
  readonly cspViolations: string[];
}

/** Starts collecting what must never happen on any page: uncaught errors and CSP refusals. */
export function watchPageProblems(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], cspViolations: [] };
  page.on('pageerror', (error) => problems.errors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      problems.cspViolations.push(message.text());
  });
  return problems;
}
