// The reliability suite always runs on a stack of its own: it fuzzes every form action,
// kills and restarts parts of the stack, and must not disturb the other suites' data.
import type { TestProject } from 'vitest/node';
import { throwawayStack } from '../integration/global-setup';

export default (project: TestProject) => throwawayStack(project, 'busett-rel-');
