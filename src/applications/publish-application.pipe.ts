import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ProblemError } from '../common/problem';
import { createValidationPipe } from '../common/validation';
import type { PublishApplicationRequest } from './application-provider.port';
import { PublishAppCenterRequest } from './dto/publish-app-center.dto';
import { PublishAppWarehouseRequest } from './dto/publish-app-warehouse.dto';

const REQUEST_CLASSES = {
  'app-center': PublishAppCenterRequest,
  'app-warehouse': PublishAppWarehouseRequest,
} as const;

/**
 * The publish body is one of two shapes, chosen by `provider`. Picking the class first lets each
 * shape be whitelisted on its own: an App Warehouse field in an App Center request is rejected.
 */
@Injectable()
export class PublishApplicationPipe implements PipeTransform<
  unknown,
  Promise<PublishApplicationRequest>
> {
  private readonly validation = createValidationPipe();

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<PublishApplicationRequest> {
    const provider = (value as { provider?: unknown } | null)?.provider;
    const metatype =
      typeof provider === 'string'
        ? REQUEST_CLASSES[provider as keyof typeof REQUEST_CLASSES]
        : undefined;
    if (!metatype) {
      throw ProblemError.invalidField(
        'provider',
        `must be one of ${Object.keys(REQUEST_CLASSES).join(', ')}`,
      );
    }
    return (await this.validation.transform(value, {
      ...metadata,
      metatype,
    })) as PublishApplicationRequest;
  }
}
