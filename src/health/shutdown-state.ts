import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/** Whether the gateway is on its way down: readiness turns false before connections close. */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  private shuttingDown = false;

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  begin(): void {
    this.shuttingDown = true;
  }

  beforeApplicationShutdown(): void {
    this.begin();
  }
}
