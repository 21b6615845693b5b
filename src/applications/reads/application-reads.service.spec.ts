import { fromAppBaseInfo } from '../../rainbond/rainbond.mapper';
import { fromUploadAppResponse } from '../../workspace/app-center.mapper';
import { fromCreateWarehouseAppResponse } from '../../workspace/app-warehouse.mapper';
import type { TeamContext } from '../../teams/team-context';
import type { ProviderName } from '../application-id';
import type { Application } from '../models/application.model';
import type { ProviderRegistration } from '../provider-registration';
import { ProviderRegistry } from '../application-provider.port';
import { ApplicationReadsService } from './application-reads.service';
import { ListCursors } from './list-cursor';
import { ReadCache } from './read-cache';

const TEAM: TeamContext = { key: 'acme', displayName: 'Acme' };
const RAINBOND = { team: 'acme', timeZone: 'Asia/Shanghai' };

/** A provider with one source that answers `items` as they are. */
function provider(name: ProviderName, items: Application[]): ProviderRegistration {
  return {
    provider: name,
    ids: name,
    reader: {
      sources: () => [
        {
          name,
          provider: name,
          page: (offset, limit) =>
            Promise.resolve({ items: items.slice(offset, offset + limit), total: items.length }),
        },
      ],
      get: () => Promise.reject(new Error('not read here')),
    },
  };
}

/*
 * Each upstream writes its own time format: Rainbond a naive Asia/Shanghai wall clock, App Center
 * milliseconds and Z, App Warehouse nanoseconds and Z. As raw strings they sort wrongly (the
 * Rainbond value "2026-12-01T17:…" would come last though it is the earliest instant).
 */
const rainbondApp = fromAppBaseInfo(RAINBOND, 'region-1', {
  ID: 1,
  tenant_id: 't',
  group_name: 'shop',
  region_name: 'region-1',
  create_time: '2026-12-01T17:00:06.815000',
  update_time: '2026-12-01T17:00:06.815000', // 09:00:06.815Z
});
const appCenterApp = fromUploadAppResponse('acme', {
  id: 'ac-1',
  create_time: '2026-12-01T09:00:13.539Z',
});
const warehouseApp = fromCreateWarehouseAppResponse('acme', {
  id: 'r-1',
  app_id: '7',
  modify_time: '2026-12-01T09:00:10.753000000Z',
});

describe('ApplicationReadsService merged list', () => {
  const service = new ApplicationReadsService(
    new ProviderRegistry([
      provider('app-warehouse', [warehouseApp]),
      provider('rainbond', [rainbondApp]),
      provider('app-center', [appCenterApp]),
    ]),
    new ReadCache(1_000),
    new ListCursors('test-secret'),
  );

  it('merges the sources in provider order', async () => {
    const page = await service.list({ caller: 'c', team: TEAM }, {});
    expect(page.items.map((item) => item.id)).toEqual([
      'rainbond:region-1:1',
      'app-center:ac-1',
      'app-warehouse:7',
    ]);
  });

  it('gives every item an updatedAt that sorts by instant across all three providers', async () => {
    const page = await service.list({ caller: 'c', team: TEAM }, {});
    const byText = [...page.items].sort((a, b) => a.updatedAt!.localeCompare(b.updatedAt!));
    const byInstant = [...page.items].sort(
      (a, b) => Date.parse(a.updatedAt!) - Date.parse(b.updatedAt!),
    );
    expect(byText.map((item) => item.id)).toEqual([
      'rainbond:region-1:1', // 09:00:06.815Z
      'app-warehouse:7', // 09:00:10.753Z
      'app-center:ac-1', // 09:00:13.539Z
    ]);
    expect(byInstant).toEqual(byText);
    for (const item of page.items) {
      expect(item.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
  });
});
