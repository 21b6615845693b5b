import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { z } from 'zod';
import { httpUrl, secret } from './config-fields.schema';

const pemFile = z.string().min(1);

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;

/** Why the text is no bundle of PEM certificates, or undefined when it is one. */
function unusableCaBundle(pem: string): string | undefined {
  const certificates = pem.match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) return 'no PEM certificate in it';
  return failureOf(() => certificates.forEach((certificate) => new X509Certificate(certificate)));
}

/** Why Node cannot use this certificate with this key, or undefined when it can. */
function unusableKeyPair(cert: string, key: string): string | undefined {
  return failureOf(() => createSecureContext({ cert, key }));
}

function failureOf(attempt: () => unknown): string | undefined {
  try {
    attempt();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export const upstreamTlsSchema = z
  .object({
    ca: pemFile
      .optional()
      .describe(
        "file: reference to a PEM bundle of the CAs that sign this upstream's certificates (a private CA on-premises); it replaces the public CAs for this upstream",
      ),
    cert: pemFile
      .optional()
      .describe(
        'file: reference to the PEM client certificate (and its chain), for an upstream that asks for mutual TLS; needs key',
      ),
    key: secret.optional().describe('the private key of cert (PEM)'),
    rejectUnauthorized: z
      .boolean()
      .default(true)
      .describe(
        'false accepts any certificate (no verification): for a test installation only, warned about at every start',
      ),
  })
  .strict()
  .superRefine((tls, ctx) => {
    if ((tls.cert === undefined) !== (tls.key === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [tls.cert === undefined ? 'cert' : 'key'],
        message: 'cert and key go together: set both or neither',
      });
      return;
    }
    const badCa = tls.ca !== undefined && unusableCaBundle(tls.ca);
    if (badCa)
      ctx.addIssue({
        code: 'custom',
        path: ['ca'],
        message: `is not a usable PEM CA bundle (${badCa})`,
      });
    const badPair = tls.cert !== undefined && unusableKeyPair(tls.cert, tls.key!);
    if (badPair) {
      ctx.addIssue({
        code: 'custom',
        path: ['cert'],
        message: `with key is not a usable PEM certificate and private key (${badPair})`,
      });
    }
  })
  .describe('TLS towards this upstream; the defaults verify against the public CAs');

export const proxySchema = z
  .object({
    fromEnvironment: z
      .boolean()
      .default(false)
      .describe('use the HTTPS_PROXY, HTTP_PROXY and NO_PROXY variables of the process'),
    url: httpUrl
      .optional()
      .describe(
        'the proxy every upstream call goes through, http://host:port; a reference when it holds a password',
      ),
    noProxy: z
      .array(z.string().min(1))
      .default([])
      .describe(
        'with url: hosts reached directly, written as in NO_PROXY (host, .domain, host:port)',
      ),
  })
  .strict()
  .refine((proxy) => !(proxy.fromEnvironment && proxy.url), {
    message: 'set url or fromEnvironment, not both',
  })
  .describe('an HTTP(S) proxy between the gateway and its upstreams (CONNECT tunnels for https)');

export type UpstreamTlsConfig = z.infer<typeof upstreamTlsSchema>;
export type ProxyConfig = z.infer<typeof proxySchema>;
