// Request validation with Ajv: every error reported at once with its field path and a Chinese reason. Bodies are
// validated strictly (no type coercion, unknown properties refused); query strings and params coerce, since they
// arrive as text.
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { FieldError } from './problem.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes: coerce ? 'array' : false,
    removeAdditional: false,
    useDefaults: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

export function registerValidation(app: FastifyInstance): void {
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strict : coercing;
    return ajv.compile(schema);
  });
}

const FORMAT_NAMES: Record<string, string> = { date: '日期（YYYY-MM-DD）', 'date-time': '日期时间', uuid: 'UUID', email: '电子邮箱' };
const TYPE_NAMES: Record<string, string> = { string: '文本', integer: '整数', number: '数字', boolean: '是/否', array: '列表', object: '对象', null: '空' };

function chineseMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return '此项为必填项';
    case 'additionalProperties': return `不允许的字段：${String(p.additionalProperty)}`;
    case 'type': return `类型应为${TYPE_NAMES[String(p.type)] ?? String(p.type)}`;
    case 'minLength': return Number(p.limit) === 1 ? '不能为空' : `长度不能少于 ${String(p.limit)} 个字符`;
    case 'maxLength': return `长度不能超过 ${String(p.limit)} 个字符`;
    case 'pattern': return '格式不正确';
    case 'format': return `格式应为${FORMAT_NAMES[String(p.format)] ?? String(p.format)}`;
    case 'enum': return `取值应为以下之一：${(p.allowedValues as unknown[]).join('、')}`;
    case 'const': return `取值应为 ${String(p.allowedValue)}`;
    case 'minimum': return `不能小于 ${String(p.limit)}`;
    case 'maximum': return `不能大于 ${String(p.limit)}`;
    case 'minItems': return `至少需要 ${String(p.limit)} 项`;
    case 'maxItems': return `最多 ${String(p.limit)} 项`;
    case 'uniqueItems': return '不能有重复项';
    case 'maxProperties': return `最多 ${String(p.limit)} 项`;
    case 'minProperties': return '请至少填写一项要修改的内容';
    default: return e.message ?? '取值无效';
  }
}

function fieldPath(e: ErrorObject, part: string | undefined): string {
  const base = part && part !== 'body' ? `/${part}${e.instancePath}` : e.instancePath;
  if (e.keyword === 'required') return `${base}/${String((e.params as { missingProperty: string }).missingProperty)}`;
  if (e.keyword === 'additionalProperties') return `${base}/${String((e.params as { additionalProperty: string }).additionalProperty)}`;
  if (e.propertyName !== undefined) return `${base}/${e.propertyName.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  return base || '/';
}

export function validationErrorsToFields(error: FastifyError): FieldError[] {
  const part = (error as FastifyError & { validationContext?: string }).validationContext;
  const all = (error.validation ?? []) as ErrorObject[];
  // anyOf/oneOf branches repeat their children's errors; the children say more.
  const useful = all.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const e of useful.length > 0 ? useful : all) {
    // A key that breaks propertyNames (too long) is named by its own path; the keyword's summary adds nothing.
    if (e.keyword === 'propertyNames') continue;
    const field = { path: fieldPath(e, part), message: e.propertyName !== undefined ? `字段名${chineseMessage(e)}` : chineseMessage(e) };
    const key = `${field.path}|${field.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      fields.push(field);
    }
  }
  return fields;
}
