import { SimulatedError, type SimulatedReply, type UpstreamProfile } from './simulator-server';

/**
 * The error bodies of rainbond-console's `custom_exception_handler` (see research/rainbond-openapi.md §2):
 * (a) ServiceHandleException `{code,msg,msg_show,data}`, DRF APIException `{detail,code,msg,msg_show,
 * error_type,error_trace}`, (b) DRF ValidationError `{detail:"参数错误",err,code:20400,error_type}`,
 * (c) unhandled exception `{code:10401,…,error_details}`, and Django's HTML 404 for unmatched URLs.
 */

const TRACE =
  'Traceback (most recent call last):\n  File "rest_framework/views.py", line 506, in dispatch\n';

/** (a) `ServiceHandleException`: `code` is the business code, the HTTP status may differ. */
export function serviceError(
  status: number,
  msg: string,
  msgShow: string,
  code = status,
): SimulatedError {
  return new SimulatedError({
    status,
    body: { code, msg, msg_show: msgShow, data: { bean: {}, list: [] } },
  });
}

/** DRF `APIException` subclasses (AuthenticationFailed, UnsupportedMediaType, ParseError, …). */
export function apiException(
  status: number,
  detail: string,
  errorType: string,
  headers?: Record<string, string>,
): SimulatedError {
  return new SimulatedError({
    status,
    headers,
    body: {
      detail,
      code: status,
      msg: detail,
      msg_show: detail,
      error_type: errorType,
      error_trace: TRACE,
    },
  });
}

/** DRF 401 with `WWW-Authenticate: Token` (TokenAuthentication's header). */
export function authenticationFailed(detail: 'No token' | 'No such user'): SimulatedError {
  return apiException(401, detail, 'AuthenticationFailed', { 'www-authenticate': 'Token' });
}

/** (b) serializer `ValidationError`. */
export function validationError(err: unknown): SimulatedError {
  return new SimulatedError({
    status: 400,
    body: { detail: '参数错误', err, code: 20400, error_type: 'ValidationError' },
  });
}

/** (c) an exception the views do not handle. */
function unhandled(message: string): SimulatedReply {
  return {
    status: 500,
    body: {
      code: 10401,
      msg: message,
      msg_show: TRACE,
      error_type: 'ValueError',
      error_trace: TRACE,
      error_details: { args: [message], message, module: 'builtins' },
    },
  };
}

/** Django's own 404 page, for a URL no route pattern matches. */
const DJANGO_NOT_FOUND: SimulatedReply = {
  status: 404,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: '<!doctype html>\n<html lang="en">\n<head><title>Not Found</title></head>\n<body><h1>Not Found</h1><p>The requested resource was not found on this server.</p></body>\n</html>\n',
};

export function urlNotMatched(): SimulatedError {
  return new SimulatedError(DJANGO_NOT_FOUND);
}

/** `app_id` matched `[\d-]+` but is not an integer: the ORM's int() fails, an unhandled 500. */
export function invalidIntegerId(value: string): SimulatedError {
  return new SimulatedError(unhandled(`invalid literal for int() with base 10: '${value}'`));
}

export const RAINBOND_PROFILE: UpstreamProfile = {
  target: 'rainbond',
  sendsRequestId: false,
  postsAreWrites: true,
  errorReply: (status) => {
    if (status === 404) return DJANGO_NOT_FOUND;
    if (status === 500) return unhandled('simulated internal error');
    if (status === 415)
      return apiException(415, 'Unsupported media type in request.', 'UnsupportedMediaType').reply;
    return serviceError(status, `request failed with status ${status}`, '请求失败').reply;
  },
  authFailureReply: () => authenticationFailed('No such user').reply,
};
