// Errors are values with stable codes; the edge turns them into RFC 9457 problem+json with a Chinese title.
import type { FastifyError, FastifyInstance } from 'fastify';
import { CalendarYearUnknownError } from '@onewindow/domain';
import { validationErrorsToFields } from './validation.ts';

export interface FieldError {
  /** JSON Pointer of the failing field, e.g. `/idNumber` or `/roles/0/regionCode`. */
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly options: { detail?: string; errors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(`${code}: ${title}`);
  }
}

export const problems = {
  validation: (errors: FieldError[]) => new AppError(400, 'VALIDATION_FAILED', '提交的内容有误，请按提示修改', { errors }),
  field: (path: string, message: string, code = 'VALIDATION_FAILED') =>
    new AppError(400, code, '提交的内容有误，请按提示修改', { errors: [{ path, message }] }),
  unauthenticated: () => new AppError(401, 'AUTH_REQUIRED', '请先登录'),
  forbidden: () => new AppError(403, 'FORBIDDEN', '您没有权限执行此操作'),
  notFound: (what: string) => new AppError(404, 'NOT_FOUND', `${what}不存在`),
  conflict: (code: string, title: string, errors?: FieldError[]) => new AppError(409, code, title, { errors }),
  /** A paging cursor this server did not write (tampered with, or cut short). */
  cursorInvalid: () => new AppError(400, 'CURSOR_INVALID', '分页参数无效', { errors: [{ path: '/cursor', message: '请从第一页重新开始' }] }),
};

const PROBLEM_BASE = 'https://onewindow.gov.cn/problems/';

export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    let problem: AppError;
    if (error instanceof AppError) {
      problem = error;
    } else if (error instanceof CalendarYearUnknownError) {
      // Any date computed into a year whose holidays are not entered yet (a due date, a 补正 period …): never a guess.
      problem = new AppError(422, error.code, error.message, { extra: { year: error.year } });
    } else if ((error as FastifyError).validation) {
      problem = problems.validation(validationErrorsToFields(error as FastifyError));
    } else if ((error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      problem = new AppError(413, 'BODY_TOO_LARGE', '提交的内容过大');
    } else if ((error as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      problem = new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型，请以 JSON 提交');
    } else if ((error as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error as FastifyError).code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      problem = new AppError(400, 'MALFORMED_JSON', '提交的内容不是有效的 JSON');
    } else if ((error as FastifyError).statusCode === 429) {
      problem = new AppError(429, 'RATE_LIMITED', '请求过于频繁，请稍后再试');
    } else if ((error as FastifyError).statusCode && (error as FastifyError).statusCode! < 500) {
      problem = new AppError((error as FastifyError).statusCode!, 'BAD_REQUEST', '请求无效', { detail: error.message });
    } else {
      request.log.error({ err: error }, 'unhandled error');
      problem = new AppError(500, 'INTERNAL_ERROR', '系统繁忙，请稍后再试');
    }
    void reply
      .status(problem.status)
      .type('application/problem+json; charset=utf-8')
      .send({
        type: PROBLEM_BASE + problem.code.toLowerCase().replaceAll('_', '-'),
        title: problem.title,
        status: problem.status,
        code: problem.code,
        detail: problem.options.detail,
        instance: request.url,
        requestId: request.id,
        errors: problem.options.errors,
        ...problem.options.extra,
      });
  });
}
