// The brain loop, shared by both Workers: step the brain, report the rates, poll the full status every few
// steps (for modulators and counts), then rest. The rest is at least REST_MS and at least as long as the
// step took, so the brain uses at most about half of one core and the lab stays responsive everywhere.
import type { BrainStatus, BrainTick, Stepped } from './types.js';

const REST_MS = 400;
const STATUS_EVERY = 4;

export interface LoopDriver {
  step(ms: number): Promise<Stepped>;
  status(): Promise<BrainStatus>;
}

export class BrainLoop {
  #running = false;
  #generation = 0;

  constructor(private readonly driver: LoopDriver, private readonly post: (tick: BrainTick) => void) {}

  start(stepMs: number): void {
    if (this.#running) return;
    this.#running = true;
    void this.#run(++this.#generation, stepMs);
  }

  stop(): void {
    this.#running = false;
    this.#generation++;
  }

  async #run(generation: number, stepMs: number): Promise<void> {
    let n = 0;
    while (this.#running && generation === this.#generation) {
      const started = performance.now();
      try {
        const status = n % STATUS_EVERY === 0 ? await this.driver.status() : null;
        const stepped = await this.driver.step(stepMs);
        this.post({ stepped, status, error: null });
      } catch (e) {
        this.post({ stepped: null, status: null, error: (e as Error).message });
        this.stop();
        return;
      }
      n++;
      const took = performance.now() - started;
      await new Promise((r) => setTimeout(r, Math.max(REST_MS, took)));
    }
  }
}
