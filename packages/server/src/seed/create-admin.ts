// `npm run admin:create -- <username> <姓名> <手机号> [<省级区划代码> <省名>]`: the first system administrator of a new
// (production) database, scoped to the province (created here when the database has none yet).
// The password comes from the environment (ADMIN_PASSWORD), never the command line, so it stays out of shell history;
// the TOTP secret is printed once, to be added to the administrator's authenticator app.
import { passwordWeakness, USERNAME_PATTERN, validateMobile } from '@onewindow/domain';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { hashPassword } from '../platform/passwords.ts';
import { appendAudit } from '../platform/audit/chain.ts';
import { newTotpSecret, totpUri } from '../modules/identity/credentials.ts';

const [username, name, phone, provinceCode, provinceName] = process.argv.slice(2);
const password = process.env.ADMIN_PASSWORD ?? '';
const problems = [
  !username || !new RegExp(USERNAME_PATTERN).test(username) ? '用户名应以小写字母开头，3–32位字母、数字、下划线或点' : null,
  !name ? '请提供姓名' : null,
  validateMobile(phone ?? '').ok ? null : '请提供有效的手机号码',
  passwordWeakness(password) ? `环境变量 ADMIN_PASSWORD：${passwordWeakness(password)}` : null,
  provinceCode !== undefined && (!/^\d{2}$/.test(provinceCode) || !provinceName) ? '省级区划代码应为2位数字，并给出省名，如 13 河北省' : null,
].filter(Boolean);
if (problems.length > 0) {
  console.error(`用法：ADMIN_PASSWORD=… npm run admin:create -- <用户名> <姓名> <手机号> [<省级区划代码> <省名>]\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await prepareDatabase(database);
  if (provinceCode && provinceName) {
    await database.db.insertInto('regions').values({ code: provinceCode, name: provinceName, level: 'province', parent_code: null }).onConflict((oc) => oc.doNothing()).execute();
  }
  const province = await database.db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 'province')
    .$if(Boolean(provinceCode), (q) => q.where('code', '=', provinceCode!))
    .orderBy('code')
    .executeTakeFirst();
  if (!province) throw new Error('数据库中还没有省级区划：请在命令末尾给出省级区划代码和省名，如 13 河北省。');
  const secret = newTotpSecret();
  const passwordHash = await hashPassword(password);
  await database.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('staff')
      .values({ username: username!, name: name!, phone: phone!, password_hash: passwordHash, totp_secret: secret, totp_enabled: true, totp_last_step: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('staff_roles').values({ staff_id: row.id, role: 'system_admin', region_code: province.code, department_id: null }).execute();
    await appendAudit(trx, {
      actorKind: 'system', actorId: null, actorName: '命令行 admin:create', actorRole: null, action: 'staff.manage',
      targetType: 'staff', targetId: row.id, ip: 'local', requestId: 'cli', outcome: 'success', detail: { username, role: 'system_admin', regionCode: province.code },
    });
  });
  console.log(`已创建系统管理员 ${username}（管辖 ${province.code}）。`);
  console.log(`请在身份验证器应用中添加动态口令密钥（仅显示一次）：${secret}`);
  console.log(totpUri(secret, username!));
} finally {
  await database.close();
}
