import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { createValidationPipe } from '../common/validation';
import type { PublishCommand } from './applications.service';
import { ProviderRegistry } from './application-provider.port';

/**
 * The publish body is one of several shapes, chosen by `provider`: the one dispatch of a publish.
 * Picking the class first lets each shape be whitelisted on its own: an App Warehouse field in an
 * App Center request is rejected.
 */
@Injectable()
export class PublishApplicationPipe implements PipeTransform<unknown, Promise<PublishCommand>> {
  private readonly validation = createValidationPipe();

  constructor(private readonly registry: ProviderRegistry) {}

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<PublishCommand> {
    const route = this.registry.publishRoute((value as { provider?: unknown } | null)?.provider);
    const request = (await this.validation.transform(value, {
      ...metadata,
      metatype: route.requestClass,
    })) as PublishCommand['request'];
    return { publisher: route.publisher, request };
  }
}
