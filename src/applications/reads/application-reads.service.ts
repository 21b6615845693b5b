import { Inject, Injectable } from '@nestjs/common';
import { toProblem } from '../../common/problem-mapping';
import { UpstreamError } from '../../upstream/upstream.error';
import type { TeamContext } from '../../teams/team-context';
import { parseApplicationId, type ProviderName } from '../application-id';
import {
  ProviderRegistry,
  type ApplicationSource,
  type SourcePage,
} from '../application-provider.port';
import { DEFAULT_PAGE_SIZE } from '../dto/list-applications.dto';
import type { ApplicationPage, CatalogList, SourceFailure } from '../models/application-page.model';
import type { Application } from '../models/application.model';
import type { UpgradeResult } from '../models/upgrade-option.model';
import { ListCursors } from './list-cursor';
import { ReadCache } from './read-cache';
import { READ_CURSORS } from './reads.di-tokens';

export interface ListRequest {
  provider?: ProviderName;
  name?: string;
  limit?: number;
  cursor?: string;
}

/** Who reads, for the cache key: answers are never shared between callers or teams. */
export interface Reader {
  caller: string;
  team: TeamContext;
}

/**
 * The BFF reads: one application list merged across the team's sources (Rainbond regions, App
 * Center, App Warehouse, in that order), one application, upgrade options, catalogs. Answers go
 * through a short per-caller, per-team cache; a source that fails is reported, not fatal.
 */
@Injectable()
export class ApplicationReadsService {
  constructor(
    private readonly registry: ProviderRegistry,
    private readonly cache: ReadCache,
    @Inject(READ_CURSORS) private readonly cursors: ListCursors,
  ) {}

  list(reader: Reader, request: ListRequest): Promise<ApplicationPage> {
    const scope = JSON.stringify([reader.caller, reader.team.key, request.provider, request.name]);
    const limit = request.limit ?? DEFAULT_PAGE_SIZE;
    const start = request.cursor
      ? this.cursors.decode(request.cursor, scope)
      : { source: 0, offset: 0 };
    return this.cache.get(
      reader.team.key,
      `list\n${scope}\n${limit}\n${start.source}:${start.offset}`,
      () => this.mergePage(reader.team, request, scope, limit, start),
      (page) => !page.partial,
    );
  }

  get(reader: Reader, id: string): Promise<Application> {
    const app = parseApplicationId(id);
    const source = this.registry.reader(app);
    return this.cache.get(reader.team.key, `get\n${reader.caller}\n${id}`, () =>
      source.get(reader.team, app),
    );
  }

  upgradeOptions(reader: Reader, id: string): Promise<UpgradeResult> {
    const app = parseApplicationId(id);
    const source = this.registry.upgradeOptionsReader(app);
    return this.cache.get(reader.team.key, `upgrades\n${reader.caller}\n${id}`, () =>
      source.upgradeOptions(reader.team, app),
    );
  }

  catalogs(reader: Reader): Promise<CatalogList> {
    const withCatalogs = this.registry.catalogsFor(reader.team);
    return this.cache.get(
      reader.team.key,
      `catalogs\n${reader.caller}`,
      async () => {
        const results = await Promise.allSettled(
          withCatalogs.map(({ catalog }) => catalog.catalogs(reader.team)),
        );
        const errors = results.flatMap((result, i) =>
          result.status === 'rejected'
            ? [failure(withCatalogs[i].provider, withCatalogs[i].provider, result.reason)]
            : [],
        );
        return {
          items: results.flatMap((result) => (result.status === 'fulfilled' ? result.value : [])),
          partial: errors.length > 0,
          errors,
        };
      },
      (list) => !list.partial,
    );
  }

  /**
   * Asks every source from the cursor's onwards at once (one call each, concurrently), then fills
   * the page in merge order. A failed source is skipped and reported; the cursor moves past it.
   */
  private async mergePage(
    team: TeamContext,
    request: ListRequest,
    scope: string,
    limit: number,
    start: { source: number; offset: number },
  ): Promise<ApplicationPage> {
    const sources = this.sourcesOf(team, request.provider);
    const asked = sources.slice(start.source);
    const offsets = asked.map((_, i) => (i === 0 ? start.offset : 0));
    const answers = await Promise.allSettled(
      asked.map((source, i) => source.page(offsets[i], limit, request.name)),
    );

    const items: Application[] = [];
    const errors: SourceFailure[] = [];
    let next: { source: number; offset: number } | undefined;
    for (const [i, answer] of answers.entries()) {
      if (answer.status === 'rejected') {
        errors.push(failure(asked[i].name, asked[i].provider, answer.reason));
        continue;
      }
      const taken = take(answer.value, limit - items.length);
      items.push(...taken);
      const consumed = offsets[i] + taken.length;
      if (items.length === limit) {
        const more = consumed < answer.value.total;
        const nextSource = more ? start.source + i : start.source + i + 1;
        if (more || nextSource < sources.length) {
          next = { source: nextSource, offset: more ? consumed : 0 };
        }
        break;
      }
    }
    return {
      items,
      nextCursor: next ? this.cursors.encode(next, scope) : undefined,
      partial: errors.length > 0,
      errors,
    };
  }

  private sourcesOf(team: TeamContext, only?: ProviderName): ApplicationSource[] {
    return this.registry.readers(only).flatMap((reader) => reader.sources(team));
  }
}

function take(page: SourcePage, room: number): Application[] {
  return page.items.slice(0, Math.max(0, room));
}

/** What a caller needs to know about a failed source: the problem the gateway would have answered. */
function failure(source: string, provider: ProviderName, error: unknown): SourceFailure {
  const { problem } = toProblem(error);
  const slug = problem.type.slice(problem.type.lastIndexOf('/') + 1);
  return {
    source,
    provider,
    status: problem.status,
    code: (error instanceof UpstreamError && error.details.code) || slug,
    message: problem.detail ?? problem.title,
  };
}
