// Vitest setup file of every project: tests encrypt with a fixed data key.
import { useTestDataKey } from './test-env.ts';

useTestDataKey();
