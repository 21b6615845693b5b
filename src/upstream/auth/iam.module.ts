import { UpstreamModule } from '../upstream.module';
import { Module } from '@nestjs/common';
import { IamTokenService } from './iam-token.service';
import { IamClient } from './iam.client';
import { SharedIamTokens } from './shared-iam-tokens';

/**
 * Huawei IAM tokens for Workspace calls. There is deliberately no guard: guards run before the
 * ValidationPipe, so a guard would spend an IAM call on a request that then fails validation.
 * Clients ask IamTokenService for a token lazily, after validation.
 */
@Module({
  imports: [UpstreamModule],
  providers: [IamClient, IamTokenService, SharedIamTokens],
  exports: [IamTokenService, IamClient],
})
export class IamModule {}
