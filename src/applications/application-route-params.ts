import { ApiParam } from '@nestjs/swagger';
import { APPLICATION_ID_DESCRIPTION } from './application-id';
import { RAINBOND_ID_EXAMPLE, TEAM_PARAM_EXAMPLE } from './applications.examples';

/** The `{team}` path parameter every team route documents. */
export const TEAM_PARAM = ApiParam({
  name: 'team',
  description: 'Gateway team key',
  example: TEAM_PARAM_EXAMPLE,
});

/** The `{id}` path parameter of routes on one application. */
export const ID_PARAM = ApiParam({
  name: 'id',
  description: APPLICATION_ID_DESCRIPTION,
  example: RAINBOND_ID_EXAMPLE,
});
