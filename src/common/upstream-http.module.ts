import { HttpModule, HttpService } from '@nestjs/axios';
import { Module, type OnModuleInit } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';

/**
 * The one HttpService (own axios instance, not axios' global default) that every upstream client
 * uses. Each outgoing request carries the id of the inbound request it serves as `X-Request-Id`,
 * so an upstream's logs can be matched with ours.
 */
@Module({
  imports: [HttpModule.register({})],
  exports: [HttpModule],
})
export class UpstreamHttpModule implements OnModuleInit {
  constructor(private readonly http: HttpService) {}

  onModuleInit(): void {
    const cls = ClsServiceManager.getClsService();
    this.http.axiosRef.interceptors.request.use((request) => {
      const requestId = cls.isActive() ? cls.getId() : undefined;
      if (requestId) request.headers.set('x-request-id', requestId);
      return request;
    });
  }
}
