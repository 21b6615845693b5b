import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify } from 'jose';
import type { OidcConfig } from '../config/browser-access.schema';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import type { Caller } from './caller';
import { OidcKeySet } from './oidc-key-set';

/** header.payload.signature in base64url; an unsigned token (empty signature) is left for jose to refuse. */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/** jose's codes for a key set that could not be fetched or read: says nothing about the token. */
const KEY_SOURCE_CODES = new Set([
  errors.JOSEError.code,
  errors.JWKSTimeout.code,
  errors.JWKSInvalid.code,
]);

/**
 * Signed-in users of the front-ends: verifies an access token of the configured OIDC provider
 * (signature by the provider's keys, allowed algorithms only, `iss`, `aud`, `exp` and `nbf` with
 * the configured clock tolerance) and maps its groups claim to gateway teams.
 */
@Injectable()
export class UserTokenVerifier {
  private readonly oidc?: OidcConfig;
  private readonly keys?: OidcKeySet;
  private readonly groupTeams: ReadonlyMap<string, readonly string[]>;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.oidc = config.oidc;
    this.keys = config.oidc && new OidcKeySet(config.oidc);
    this.groupTeams = new Map(Object.entries(config.oidc?.groupTeams ?? {}));
  }

  /** Whether OIDC sign-in is on and this credential is shaped like a JWT. */
  accepts(credential: string): boolean {
    return this.oidc !== undefined && JWT_SHAPE.test(credential);
  }

  /** The user as a caller; throws jose's error for a bad token (see isKeySourceFailure). */
  async verify(token: string): Promise<Caller> {
    const oidc = this.oidc!;
    const { payload } = await jwtVerify(token, this.keys!.getKey, {
      issuer: oidc.issuer,
      audience: oidc.audience,
      algorithms: [...oidc.algorithms],
      clockTolerance: oidc.clockToleranceSeconds,
      requiredClaims: ['exp', 'sub'],
    });
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      throw new errors.JWTClaimValidationFailed('"sub" must be a string', payload, 'sub');
    }
    return {
      name: oidc.callerName,
      subject: payload.sub,
      teams: new Set(
        groupsIn(payload[oidc.teamsClaim]).flatMap((group) => this.groupTeams.get(group) ?? []),
      ),
    };
  }
}

/** Whether verification failed because the provider's keys could not be had, not because of the token. */
export function isKeySourceFailure(error: unknown): boolean {
  return !(error instanceof errors.JOSEError) || KEY_SOURCE_CODES.has(error.code);
}

function groupsIn(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  return Array.isArray(claim) ? claim.filter((group) => typeof group === 'string') : [];
}
