/** One step of stopping: its name (for the log), the work, and how long it may take. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown>;
  timeoutMs: number;
}

/**
 * Runs the steps in order, each bounded in time: a step that fails or overruns is logged and the next one
 * starts anyway, so shutdown always ends within the sum of the bounds.
 */
export async function shutdown(steps: ShutdownStep[], log: (message: string) => void): Promise<void> {
  for (const step of steps) {
    let timer: NodeJS.Timeout | undefined;
    const started = Date.now();
    const overrun = new Promise<'overrun'>((resolve) => (timer = setTimeout(() => resolve('overrun'), step.timeoutMs)));
    try {
      const outcome = await Promise.race([step.run(), overrun]);
      if (outcome === 'overrun') log(`Shutdown: ${step.name} took longer than ${step.timeoutMs} ms; going on.`);
      else log(`Shutdown: ${step.name} done in ${Date.now() - started} ms.`);
    } catch (error) {
      log(`Shutdown: ${step.name} failed: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
