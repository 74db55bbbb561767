<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessControl</name>
    <message>
        <source>Change your password first (it is new, was reset, or has expired). In the command line: branchvault-cli passwd --user %1</source>
        <translation>请先修改密码（密码为新设、已被重置或已过期）。在命令行中运行：branchvault-cli passwd --user %1</translation>
    </message>
    <message>
        <source>Your role must sign in with a second factor. Enrol an authenticator app first.</source>
        <translation>您的角色登录时必须使用第二验证因素。请先绑定身份验证器应用。</translation>
    </message>
    <message>
        <source>Your role (%1) may not %2: BranchVault separates duties by role. If your work needs it, another role must do it.</source>
        <translation>您的角色（%1）无权%2：BranchVault 按角色分离职责。如工作确需此操作，须由其他角色完成。</translation>
    </message>
    <message>
        <source>This sign-in on the spot may only %1 (one decision), not %2. Sign in normally for anything else.</source>
        <translation>本次现场授权登录只能%1（仅限一项决定），不能%2。其他操作请正常登录。</translation>
    </message>
    <message>
        <source>This sign-in on the spot has made its one decision. The authorising person signs in again for another one.</source>
        <translation>本次现场授权登录已作出一项决定。如需作出另一项决定，授权人须重新登录。</translation>
    </message>
</context>
<context>
    <name>AccountService</name>
    <message>
        <source>A login has 2 to 32 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter.</source>
        <translation>登录名为 2 至 32 个字符，只能包含小写字母、数字、点号、短横线或下划线，且须以字母开头。</translation>
    </message>
    <message>
        <source>Staff number %1 already has a %2 account. The system administrator and the security auditor must be different people.</source>
        <translation>工号 %1 已有%2账户。系统管理员和安全审计员必须由不同人员担任。</translation>
    </message>
    <message>
        <source>The display name needs 1 to 40 characters.</source>
        <translation>显示名称须为 1 至 40 个字符。</translation>
    </message>
    <message>
        <source>The staff number has at most 32 characters.</source>
        <translation>工号最多 32 个字符。</translation>
    </message>
    <message>
        <source>The login %1 is taken (frozen accounts keep their login). Choose another login.</source>
        <translation>登录名 %1 已被占用（已冻结的用户账户仍保留其登录名）。请另选一个登录名。</translation>
    </message>
    <message>
        <source>Staff number %1 already has an active account (%2). One person has one active account: freeze the old one first, or change its role.</source>
        <translation>工号 %1 已有一个在用的用户账户（%2）。每人只能有一个在用的用户账户：请先冻结旧账户，或更改其角色。</translation>
    </message>
    <message>
        <source>The database already has accounts; the first administrator exists. Sign in as an administrator to create more accounts.</source>
        <translation>数据库中已有用户账户，首个系统管理员已存在。请以系统管理员身份登录后再创建其他用户账户。</translation>
    </message>
    <message>
        <source>Administrators cannot freeze, reset or change their own account; another administrator must do it.</source>
        <translation>系统管理员不能冻结、重置或修改本人的用户账户；须由另一位系统管理员操作。</translation>
    </message>
    <message>
        <source>Staff number %1 has another active account (%2). Freeze that one first.</source>
        <translation>工号 %1 还有另一个在用的用户账户（%2）。请先冻结该账户。</translation>
    </message>
    <message>
        <source>An account never moves into or out of the administrator or auditor role. Freeze this account and create a new one with the new role.</source>
        <translation>用户账户不能转入或转出系统管理员或安全审计员角色。请冻结此用户账户，并以新角色创建新的用户账户。</translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation>该用户账户不存在。</translation>
    </message>
    <message>
        <source>There is no account with the login %1. List the accounts to check the spelling.</source>
        <translation>不存在登录名为 %1 的用户账户。请列出用户账户以核对拼写。</translation>
    </message>
    <message>
        <source>Account %1 already waits for a branch manager&apos;s confirmation of an earlier change. Ask a branch manager to confirm or decline that change first.</source>
        <translation>用户账户 %1 已有一项先前的变更在等待网点负责人确认。请先请网点负责人确认或驳回该变更。</translation>
    </message>
    <message>
        <source>Nobody confirms a change to their own account: another branch manager does (for the first or the last branch manager, the recovery passphrase).</source>
        <translation>任何人都不能确认本人用户账户的变更：须由另一位网点负责人确认（首位或最后一位网点负责人，以恢复口令确认）。</translation>
    </message>
    <message>
        <source>Account %1 has no change waiting for confirmation. List the accounts waiting for confirmation to check the login.</source>
        <translation>用户账户 %1 没有待确认的变更。请列出待确认的用户账户，核对登录名。</translation>
    </message>
    <message>
        <source>The recovery passphrase confirms only the first or the last branch manager. %1 is not a branch manager account: a branch manager confirms it.</source>
        <translation>恢复口令只能用于确认首位或最后一位网点负责人。%1 不是网点负责人账户：须由网点负责人确认。</translation>
    </message>
    <message>
        <source>Branch manager %1 can confirm this account, so the recovery passphrase is not used for it: it is only for the first or the last branch manager.</source>
        <translation>网点负责人 %1 可以确认此用户账户，因此不使用恢复口令：恢复口令仅用于首位或最后一位网点负责人。</translation>
    </message>
    <message>
        <source>Give the reason for declining: the administrator and the auditor read it.</source>
        <translation>请填写驳回理由：系统管理员和安全审计员会看到。</translation>
    </message>
    <message>
        <source>A new, reset or unfrozen account (or one waiting for its key slot) is not confirmed on the spot: its confirmation code, which opens the account&apos;s access to customer information, would appear on the administrator&apos;s screen. The branch manager confirms %1 in their own session and hands the code to the person.</source>
        <translation>新建、重置或解冻的账户（以及等待密钥槽的账户）不能现场确认：其确认码可打开该账户对客户信息的访问权限，会显示在系统管理员的屏幕上。请网点负责人在本人的会话中确认 %1，并将确认码交给本人。</translation>
    </message>
    <message>
        <source>You cannot confirm a change you made yourself: a branch manager (not you) confirms it here.</source>
        <translation>不能确认自己发起的变更：请由网点负责人（而非您本人）在此确认。</translation>
    </message>
    <message>
        <source>Account %1 has no new, reset or unfrozen access waiting for confirmation: confirm its change with &quot;Authorise here&quot; instead.</source>
        <translation>账户 %1 没有待确认的新建、重置或解冻访问：请改用“现场授权”确认其变更。</translation>
    </message>
    <message>
        <source>%1 types their own new password (twice) while the branch manager watches.</source>
        <translation>请 %1 在网点负责人见证下亲自输入新密码（两次）。</translation>
    </message>
    <message>
        <source>Account %1 is frozen: confirming this change would give it access to customer information again. Decline it; if the person is back, the administrator unfreezes the account first.</source>
        <translation>账户 %1 已冻结：确认此变更会使其重新获得客户信息访问权。请驳回；如本人已回岗，请系统管理员先解冻该账户。</translation>
    </message>
    <message>
        <source>Account %1 was changed by someone else meanwhile, so nothing was confirmed or declined. List the accounts waiting for confirmation again and decide on the change that waits now.</source>
        <translation>用户账户 %1 已在此期间被他人更改，因此未确认也未驳回任何变更。请重新列出待确认的用户账户，并对当前待确认的变更作出决定。</translation>
    </message>
</context>
<context>
    <name>AccountStatus</name>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>dormant</source>
        <translation>久悬</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>AdminService</name>
    <message>
        <source>audit log: %1</source>
        <translation>审计日志：%1</translation>
    </message>
</context>
<context>
    <name>AtomicFile</name>
    <message>
        <source>%1: the disk is full. Free some space and try again.</source>
        <translation>%1：磁盘已满。请释放部分空间后重试。</translation>
    </message>
    <message>
        <source>%1: the location is read-only for this user. Choose a writable folder or fix the permissions.</source>
        <translation>%1：当前用户对该位置只有只读权限。请选择可写入的文件夹，或修正权限设置。</translation>
    </message>
    <message>
        <source>%1: the file could not be written. Check the disk and try again.</source>
        <translation>%1：文件无法写入。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>写入 %1</translation>
    </message>
    <message>
        <source>%1: the file could not be written.</source>
        <translation>%1：文件无法写入。</translation>
    </message>
    <message>
        <source>%1: the file could not be replaced.</source>
        <translation>%1：文件无法替换。</translation>
    </message>
    <message>
        <source>Choose a file name.</source>
        <translation>请选择一个文件名。</translation>
    </message>
    <message>
        <source>The file %1 already exists, and BranchVault never overwrites a file. Choose another file name, or move the existing file away first.</source>
        <translation>文件 %1 已存在，BranchVault 从不覆盖已有文件。请另选一个文件名，或先将已有文件移走。</translation>
    </message>
    <message>
        <source>The folder for %1 does not exist. Choose an existing folder.</source>
        <translation>%1 所在的文件夹不存在。请选择已存在的文件夹。</translation>
    </message>
    <message>
        <source>The file %1 was created by someone else meanwhile, and BranchVault never overwrites a file. Choose another file name and try again.</source>
        <translation>文件 %1 在此期间已被他人创建，BranchVault 从不覆盖已有文件。请另选一个文件名后重试。</translation>
    </message>
    <message>
        <source>%1: the finished file could not be renamed to its name. Check the folder and try again.</source>
        <translation>%1：写好的文件无法重命名为目标文件名。请检查该文件夹后重试。</translation>
    </message>
</context>
<context>
    <name>AuditCli</name>
    <message>
        <source>The checkpoint file %1 does not exist. Give the file that audit checkpoint wrote.</source>
        <translation>检查点文件 %1 不存在。请提供由 audit checkpoint 生成的文件。</translation>
    </message>
    <message>
        <source>Reading the checkpoint %1</source>
        <translation>读取检查点 %1</translation>
    </message>
    <message>
        <source>The file %1 is far too large for an audit checkpoint. Give the file that audit checkpoint wrote.</source>
        <translation>文件 %1 过大，不可能是审计检查点。请提供由 audit checkpoint 生成的文件。</translation>
    </message>
    <message numerus="yes">
        <source>%n audit rows older than %1 days were purged; the chain continues from the last purged row.</source>
        <translation>
            <numerusform>已清除 %n 条超过 %1 天的审计记录；审计链从最后一条被清除的记录处继续。</numerusform>
        </translation>
    </message>
    <message>
        <source>No audit rows are older than %1 days; nothing was purged.</source>
        <translation>没有超过 %1 天的审计记录；未清除任何记录。</translation>
    </message>
</context>
<context>
    <name>AuditCommands</name>
    <message>
        <source>--since must be before --until (--until is exclusive: --since 2026-03-01 --until 2026-03-02 covers 1 March, branch time).</source>
        <translation>--since 必须早于 --until（范围不含 --until 指定的时间：--since 2026-03-01 --until 2026-03-02 表示网点时间 3 月 1 日全天）。</translation>
    </message>
    <message>
        <source>Give --user at most twice: first the auditor who signs in, then the login to filter by (or use --login LOGIN for the filter).</source>
        <translation>--user 最多只能给出两次：第一次为登录的安全审计员，第二次为用于筛选的登录名（也可用 --login LOGIN 指定筛选条件）。</translation>
    </message>
    <message>
        <source>The login to filter by is given twice and differently (--login %1, second --user %2). Give it once.</source>
        <translation>用于筛选的登录名给出了两次且不一致（--login %1，第二个 --user %2）。请只给出一次。</translation>
    </message>
    <message>
        <source>--outcome must be one of %1.</source>
        <translation>--outcome 必须为以下值之一：%1。</translation>
    </message>
    <message>
        <source>--after must be a row number (0 or more): the list continues after that row.</source>
        <translation>--after 必须为行号（0 或更大）：列表从该行之后继续。</translation>
    </message>
    <message>
        <source>--limit must be a number of rows from 1 to 100000.</source>
        <translation>--limit 必须为 1 至 100000 之间的行数。</translation>
    </message>
    <message>
        <source>%1 needs --out FILE.</source>
        <translation>%1 命令需要 --out FILE 参数。</translation>
    </message>
    <message>
        <source>The audit log is broken at row %1: %2. Keep the database file as it is for the investigation and report it to the information-security office.</source>
        <translation>审计日志在第 %1 行处断裂：%2。请保持数据库文件原样以备调查，并报告信息安全部门。</translation>
    </message>
    <message>
        <source>The audit log does not match the checkpoint: %1. Check that the checkpoint belongs to this database, and report it to the information-security office.</source>
        <translation>审计日志与检查点不符：%1。请确认该检查点属于此数据库，并报告信息安全部门。</translation>
    </message>
    <message>
        <source>It matches the checkpoint of row %1 taken %2 (UTC).</source>
        <translation>与 %2（UTC）生成的第 %1 行检查点相符。</translation>
    </message>
    <message>
        <source>audit checkpoint needs --out FILE.</source>
        <translation>audit checkpoint 命令需要 --out FILE 参数。</translation>
    </message>
    <message>
        <source>Checkpoint of row %1 written to %2. Print it or keep a copy away from this computer; audit verify --checkpoint FILE later shows whether the log was rewritten since.</source>
        <translation>第 %1 行的检查点已写入 %2。请将其打印，或将副本存放在本机以外的地方；以后运行 audit verify --checkpoint FILE 即可查看审计日志此后是否被改写。</translation>
    </message>
    <message>
        <source>No audit rows match.</source>
        <translation>没有匹配的审计记录。</translation>
    </message>
    <message>
        <source>More rows may follow: continue with --after %1.</source>
        <translation>可能还有更多记录：请使用 --after %1 继续。</translation>
    </message>
    <message>
        <source>audit export needs --out FILE.csv.</source>
        <translation>audit export 命令需要 --out FILE.csv 参数。</translation>
    </message>
    <message>
        <source>audit export writes every matching row; --limit applies to audit list only (use --since, --until or --after to narrow the export).</source>
        <translation>audit export 会写出所有匹配的记录；--limit 仅适用于 audit list（请使用 --since、--until 或 --after 缩小导出范围）。</translation>
    </message>
    <message>
        <source>No alerts between %1 and %2 (UTC).</source>
        <translation>%1 至 %2（UTC）期间没有告警。</translation>
    </message>
    <message>
        <source>audit needs a subcommand: verify, checkpoint, list, export, alerts or purge.</source>
        <translation>audit 命令需要子命令：verify、checkpoint、list、export、alerts 或 purge。</translation>
    </message>
    <message>
        <source>Unknown audit subcommand &quot;%1&quot;.</source>
        <translation>未知的 audit 子命令“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>The audit chain is intact: %n rows checked, up to row %1.</source>
        <translation>
            <numerusform>审计链完整：已校验 %n 行，截至第 %1 行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit rows exported to %1 (CSV, UTF-8 with byte order mark).</source>
        <translation>
            <numerusform>已将 %n 条审计记录导出到 %1（CSV，带字节顺序标记的 UTF-8）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>The audit log could not be written, so the operation was not carried out. Free some disk space and try again.</source>
        <translation>无法写入审计日志，因此未执行该操作。请释放部分磁盘空间后重试。</translation>
    </message>
    <message>
        <source>The audit log could not be written, so the operation was not carried out. %1</source>
        <translation>无法写入审计日志，因此未执行该操作。%1</translation>
    </message>
    <message>
        <source>A standalone audit row was written inside a transaction.</source>
        <translation>在事务内写入了一条独立的审计记录。</translation>
    </message>
    <message>
        <source>rows %1 to %2 are missing: deleted from the log</source>
        <translation>第 %1 至 %2 行缺失：已从日志中删除</translation>
    </message>
    <message>
        <source>row %1 appears twice</source>
        <translation>第 %1 行出现了两次</translation>
    </message>
    <message>
        <source>row %1 does not continue from the row before it: a row was inserted, removed or moved</source>
        <translation>第 %1 行未承接其上一行：有记录被插入、删除或移动</translation>
    </message>
    <message>
        <source>row %1 was changed after it was written</source>
        <translation>第 %1 行在写入后被修改过</translation>
    </message>
    <message>
        <source>the checkpoint belongs to another database</source>
        <translation>该检查点属于另一个数据库</translation>
    </message>
    <message>
        <source>the log ends at row %1, but the checkpoint names row %2: the log was truncated</source>
        <translation>日志止于第 %1 行，但检查点记录的是第 %2 行：日志已被截断</translation>
    </message>
    <message>
        <source>the checkpoint of the empty log does not name this database&apos;s first hash</source>
        <translation>空日志的检查点记录的不是此数据库的初始哈希值</translation>
    </message>
    <message>
        <source>row %1 of the checkpoint was purged under the retention rules; this checkpoint can no longer be compared</source>
        <translation>检查点中的第 %1 行已按保留规则清除；无法再与此检查点比对</translation>
    </message>
    <message>
        <source>row %1 differs from the checkpoint: the log was rewritten since the checkpoint was taken</source>
        <translation>第 %1 行与检查点不符：生成检查点后日志被改写过</translation>
    </message>
    <message>
        <source>The checkpoint file is not valid (%1). Use the checkpoint exactly as it was exported.</source>
        <translation>检查点文件无效（%1）。请使用导出时原样的检查点文件。</translation>
    </message>
    <message>
        <source>not a BranchVault audit checkpoint</source>
        <translation>不是 BranchVault 审计检查点</translation>
    </message>
    <message>
        <source>its check line does not match its content</source>
        <translation>其校验行与内容不符</translation>
    </message>
    <message>
        <source>a line is missing</source>
        <translation>缺少一行</translation>
    </message>
    <message>
        <source>rows %1 to %2 are missing and no purge row records them: deleted from the log</source>
        <translation>第 %1 至 %2 行缺失，且没有任何清除记录登记这些行：已从日志中删除</translation>
    </message>
    <message>
        <source>every row is missing, although rows were written (the anchor names row %1), and the purge row that a purge keeps is gone too</source>
        <translation>所有行均已缺失，但日志曾有写入（锚点指向第 %1 行），而清除时必定保留的清除记录也已不见</translation>
    </message>
    <message>
        <source>purge row %1 records rows %2 to %3 as purged, but row %4 is still in the log</source>
        <translation>清除记录第 %1 行登记第 %2 至 %3 行已清除，但第 %4 行仍在日志中</translation>
    </message>
    <message>
        <source>the anchor says the kept chain starts at row %1, but no purge row records the rows before it</source>
        <translation>锚点称保留的链从第 %1 行开始，但没有任何清除记录登记此前的行</translation>
    </message>
    <message>
        <source>it does not record a valid range, cutoff and hash</source>
        <translation>它未登记有效的范围、截止时间和哈希值</translation>
    </message>
    <message>
        <source>it counts %1 rows in a range of %2</source>
        <translation>它登记了 %1 行，而范围内共有 %2 行</translation>
    </message>
    <message>
        <source>its cutoff %1 is less than %2 days before the purge (%3): the rows were not past retention</source>
        <translation>其截止时间 %1 距清除时间（%3）不足 %2 天：这些行尚未超过保留期</translation>
    </message>
    <message>
        <source>it is dated %1, later than today</source>
        <translation>其日期为 %1，晚于今天</translation>
    </message>
    <message>
        <source>rows %1 to %2 are missing: purge row %3, which records them, is not a legal retention purge: %4</source>
        <translation>第 %1 至 %2 行缺失：登记这些行的清除记录第 %3 行不是合法的保留期清除：%4</translation>
    </message>
    <message>
        <source>purge row %1 records rows %2 to %3, but an earlier purge row already records rows up to %4</source>
        <translation>清除记录第 %1 行登记了第 %2 至 %3 行，但更早的清除记录已登记至第 %4 行</translation>
    </message>
    <message>
        <source>purge row %1 names row %2 as the purge before it, but that is row %3</source>
        <translation>清除记录第 %1 行称其上一次清除为第 %2 行，但实际应为第 %3 行</translation>
    </message>
    <message>
        <source>row %1 does not continue from the hash that purge row %2 records</source>
        <translation>第 %1 行未承接清除记录第 %2 行所登记的哈希值</translation>
    </message>
    <message>
        <source>row %1 is older than the cutoff of purge row %2, which removed the rows before it</source>
        <translation>第 %1 行早于清除记录第 %2 行的截止时间，而该清除删除了其之前的行</translation>
    </message>
    <message>
        <source>the anchor, which says where the kept chain starts, does not agree with purge row %1</source>
        <translation>锚点（记录保留的链从何处开始）与清除记录第 %1 行不一致</translation>
    </message>
    <message>
        <source>row %1 was written %2, after the cutoff %3 of purge row %4 that removed it: it was not past retention, the purge row is forged</source>
        <translation>第 %1 行写入于 %2，晚于删除它的清除记录第 %4 行的截止时间 %3：该行尚未超过保留期，此清除记录系伪造</translation>
    </message>
    <message>
        <source>row %1 was in the log when the checkpoint was taken, but a purge row written before the checkpoint records it as purged: the log was rewritten</source>
        <translation>生成检查点时第 %1 行仍在日志中，但一条早于该检查点的清除记录登记其已清除：日志已被改写</translation>
    </message>
    <message>
        <source>Audit rows are kept for at least %1 days: the purge cutoff %2 is later than %3, so rows younger than that would be deleted. Nothing was purged; purge with a cutoff of %3 or earlier.</source>
        <translation>审计记录至少保留 %1 天：清除截止时间 %2 晚于 %3，会删除未满保留期的记录。未清除任何内容；请使用 %3 或更早的截止时间清除。</translation>
    </message>
    <message>
        <source>The audit log has rows missing between row %1 and row %2, so it was not purged: a purge would hide the gap. Run audit verify, keep the database file as it is and report it to the information-security office.</source>
        <translation>审计日志在第 %1 行与第 %2 行之间有缺失的行，因此未执行清除：清除会掩盖这一缺口。请运行 audit verify，保持数据库文件原样，并报告信息安全部门。</translation>
    </message>
    <message>
        <source>The audit log could not be purged: the purge gate could not be set up. Nothing was purged; try again, and report it to the developers if it happens again.</source>
        <translation>无法清除审计日志：清除闸门无法建立。未清除任何内容；请重试，如再次发生请报告开发人员。</translation>
    </message>
    <message>
        <source>The audit purge deleted %1 rows instead of %2; nothing was purged.</source>
        <translation>审计清除删除了 %1 行而非 %2 行；未清除任何内容。</translation>
    </message>
    <message>
        <source>format %1 is not known to this version</source>
        <translation>本版本不认识格式 %1</translation>
    </message>
    <message numerus="yes">
        <source>the checkpoint counts %n rows from row %1 to row %2: the log already had rows missing when it was taken</source>
        <translation>
            <numerusform>检查点记录第 %1 至 %2 行共 %n 行：生成检查点时日志已有缺失的行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the checkpoint counts %n rows from row %1 to row %2 that should still be in the log, but the log has %3</source>
        <translation>
            <numerusform>检查点记录第 %1 至 %2 行中应仍在日志中的共 %n 行，但日志中现有 %3 行</numerusform>
        </translation>
    </message>
    <message>
        <source>its sequence number, first row, row count or time is not valid</source>
        <translation>其序号、首行、行数或时间无效</translation>
    </message>
    <message>
        <source>The audit log is broken at row %1 (%2), so it was not purged: a purge would hide it. Run audit verify, keep the database file as it is and report it to the information-security office.</source>
        <translation>审计日志在第 %1 行处断裂（%2），因此未清理：清理会掩盖断裂。请运行 audit verify，保持数据库文件原样，并报告信息安全部门。</translation>
    </message>
</context>
<context>
    <name>AuditService</name>
    <message>
        <source>Exporting the audit log to %1</source>
        <translation>正在将审计日志导出到 %1</translation>
    </message>
    <message>
        <source>The audit retention purge is not available: the audit service was set up without its database. Report this to the developers; nothing was purged.</source>
        <translation>无法按保留期限清除审计日志：审计服务在设置时未关联数据库。请将此问题报告给开发人员；未清除任何记录。</translation>
    </message>
    <message>
        <source>The period for the audit alerts is not valid: choose a start and an end, with the start before the end.</source>
        <translation>审计告警的时间段无效：请选择开始时间和结束时间，且开始时间须早于结束时间。</translation>
    </message>
    <message>
        <source>The staff accounts cannot be listed for the audit log: the audit service was set up without its database. Report this to the developers.</source>
        <translation>无法为审计日志列出员工账户：审计服务初始化时未关联数据库。请将此问题报告给开发人员。</translation>
    </message>
    <message>
        <source>The customers&apos; masked names cannot be shown in the audit log: the audit service was set up without its database. Report this to the developers.</source>
        <translation>无法在审计日志中显示客户的脱敏姓名：审计服务初始化时未关联数据库。请将此问题报告给开发人员。</translation>
    </message>
    <message numerus="yes">
        <source>Clerk %1 made %n customer lookups between %2 and %3 (branch time), above the alert threshold of %4 per hour.</source>
        <translation>
            <numerusform>查询员 %1 在 %2 至 %3（网点时间）期间进行了 %n 次客户查询，超过每小时 %4 次的告警阈值。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 opened customer %2 %n times on %3 (branch time), above the alert threshold of %4 per day.</source>
        <translation>
            <numerusform>%1 于 %3（网点时间）打开客户 %2 共 %n 次，超过每天 %4 次的告警阈值。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 accessed customer records %n times on %2, which is not a working day, between %3 and %4 (branch time).</source>
        <translation>
            <numerusform>%1 于非工作日 %2 的 %3 至 %4（网点时间）期间访问客户记录 %n 次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 accessed customer records %n times outside working hours (%2:00 to %3:00) on %4, between %5 and %6 (branch time).</source>
        <translation>
            <numerusform>%1 于 %4 在工作时间（%2:00 至 %3:00）以外访问客户记录 %n 次，时间为 %5 至 %6（网点时间）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signing in as %1 failed %n times between %2 and %3 (branch time), at or above the alert threshold of %4 within one hour.</source>
        <translation>
            <numerusform>%2 至 %3（网点时间）期间以 %1 身份登录失败 %n 次，达到或超过一小时内 %4 次的告警阈值。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 used %n grants approved by %2 within %3 minutes of the approval (the fastest after %4 min %5 s), between %6 and %7 (branch time).</source>
        <translation>
            <numerusform>%1 在 %6 至 %7（网点时间）期间使用了 %n 项由 %2 批准的授权，均在批准后 %3 分钟内使用（最快的在批准后 %4 分 %5 秒）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditWording</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <source>system administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>security auditor</source>
        <translation>安全审计员</translation>
    </message>
    <message>
        <source>branch manager</source>
        <translation>网点负责人</translation>
    </message>
    <message>
        <source>customer manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>query clerk</source>
        <translation>查询员</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>“%1” (%2)</source>
        <translation>“%1”（%2）</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>the system</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>customer %1</source>
        <translation>客户 %1</translation>
    </message>
    <message>
        <source>customer %1 (%2)</source>
        <translation>客户 %1（%2）</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>someone using the login %1</source>
        <translation>使用登录名 %1 的人</translation>
    </message>
    <message>
        <source>a customer</source>
        <translation>一位客户</translation>
    </message>
    <message>
        <source>account no. %1</source>
        <translation>账户 %1</translation>
    </message>
    <message>
        <source>an unknown account</source>
        <translation>未知账户</translation>
    </message>
    <message>
        <source>the login %1</source>
        <translation>登录名 %1</translation>
    </message>
    <message>
        <source>special requests</source>
        <translation>专项事务申请</translation>
    </message>
    <message>
        <source>suspicious pairs</source>
        <translation>可疑客户对</translation>
    </message>
    <message>
        <source>no. %1</source>
        <translation>第 %1 号</translation>
    </message>
    <message>
        <source>%1 about %2</source>
        <translation>%1（涉及%2）</translation>
    </message>
    <message>
        <source>the mask settings</source>
        <translation>脱敏设置</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>the audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>a checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>the checkpoint up to row %1</source>
        <translation>截至记录 %1 的检查点</translation>
    </message>
    <message>
        <source>the file %1</source>
        <translation>文件 %1</translation>
    </message>
    <message>
        <source>their own customers</source>
        <translation>本人名下客户</translation>
    </message>
    <message>
        <source>the branch&apos;s customers</source>
        <translation>全网点客户</translation>
    </message>
    <message>
        <source>for an existing customer</source>
        <translation>客户是否已存在</translation>
    </message>
    <message>
        <source>overdue complaints</source>
        <translation>逾期投诉</translation>
    </message>
    <message>
        <source>reassignments of customers</source>
        <translation>客户调整</translation>
    </message>
    <message>
        <source>pending tier changes</source>
        <translation>待审核的客户等级调整</translation>
    </message>
    <message>
        <source>entries and changes waiting for approval</source>
        <translation>待审批的录入和修改</translation>
    </message>
    <message>
        <source>the import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>a printout</source>
        <translation>打印件</translation>
    </message>
    <message>
        <source>printout %1</source>
        <translation>打印件 %1</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1在 %2：%3</translation>
    </message>
    <message>
        <source>%1 (failed)</source>
        <translation>%1（失败）</translation>
    </message>
    <message>
        <source>%1 (refused)</source>
        <translation>%1（被拒绝）</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Failed attempts in a row</source>
        <translation>连续失败次数</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Locked for (minutes)</source>
        <translation>锁定时长（分钟）</translation>
    </message>
    <message>
        <source>Second factor used</source>
        <translation>使用了第二验证因素</translation>
    </message>
    <message>
        <source>Password hash renewed</source>
        <translation>密码哈希已更新</translation>
    </message>
    <message>
        <source>Key slot written</source>
        <translation>已写入密钥槽</translation>
    </message>
    <message>
        <source>Waiting for confirmation of</source>
        <translation>待确认的变更</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Waits for a branch manager&apos;s confirmation</source>
        <translation>等待网点负责人确认</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Account frozen</source>
        <translation>冻结账户</translation>
    </message>
    <message>
        <source>With the recovery passphrase</source>
        <translation>使用恢复口令</translation>
    </message>
    <message>
        <source>Accounts waiting for confirmation</source>
        <translation>待确认的账户数</translation>
    </message>
    <message>
        <source>Key generation before</source>
        <translation>原密钥代数</translation>
    </message>
    <message>
        <source>Key generation after</source>
        <translation>新密钥代数</translation>
    </message>
    <message>
        <source>Re-masking</source>
        <translation>重新脱敏</translation>
    </message>
    <message>
        <source>Refused value</source>
        <translation>被拒绝的值</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Values checked</source>
        <translation>检查的值数</translation>
    </message>
    <message>
        <source>Values changed</source>
        <translation>变更的值数</translation>
    </message>
    <message>
        <source>Suspicious pairs re-masked</source>
        <translation>重新脱敏的可疑客户对数</translation>
    </message>
    <message>
        <source>History entries re-masked</source>
        <translation>重新脱敏的历史记录数</translation>
    </message>
    <message>
        <source>Values to re-mask from the full value</source>
        <translation>需按完整值重新脱敏的值数</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Stopped by</source>
        <translation>中止原因</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题数</translation>
    </message>
    <message>
        <source>Audit rows</source>
        <translation>审计记录数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Rows checked</source>
        <translation>已检查记录数</translation>
    </message>
    <message>
        <source>Last row</source>
        <translation>最后一条记录</translation>
    </message>
    <message>
        <source>First broken row</source>
        <translation>第一条断裂的记录</translation>
    </message>
    <message>
        <source>Checkpoint up to row</source>
        <translation>检查点截至记录</translation>
    </message>
    <message>
        <source>Checkpoint taken</source>
        <translation>检查点生成时间</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>第一条记录</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Up to row</source>
        <translation>截至记录</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>After row</source>
        <translation>自记录之后</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Alerts by kind</source>
        <translation>按类型统计的告警</translation>
    </message>
    <message>
        <source>Purged up to</source>
        <translation>清除截至</translation>
    </message>
    <message>
        <source>First purged row</source>
        <translation>第一条被清除的记录</translation>
    </message>
    <message>
        <source>Last purged row</source>
        <translation>最后一条被清除的记录</translation>
    </message>
    <message>
        <source>Chain continues from</source>
        <translation>哈希链接续自</translation>
    </message>
    <message>
        <source>Previous purge row</source>
        <translation>上一条清除记录</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Valid for (hours)</source>
        <translation>有效期（小时）</translation>
    </message>
    <message>
        <source>Length of the purpose (characters)</source>
        <translation>用途长度（字符）</translation>
    </message>
    <message>
        <source>Length of the reason (characters)</source>
        <translation>理由长度（字符）</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Open ones only</source>
        <translation>仅未结</translation>
    </message>
    <message>
        <source>Special request</source>
        <translation>专项事务申请</translation>
    </message>
    <message>
        <source>Approval type</source>
        <translation>授权类型</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>用于</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>份</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>First copy</source>
        <translation>起始份</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Printed to</source>
        <translation>打印到</translation>
    </message>
    <message>
        <source>Holds grade-1 information</source>
        <translation>含一级信息</translation>
    </message>
    <message>
        <source>Highest grade</source>
        <translation>最高级别</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Reprint of</source>
        <translation>重印自</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>失败原因</translation>
    </message>
    <message>
        <source>Approval given back</source>
        <translation>已退回授权</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>监销人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>应归还时间</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Length (characters)</source>
        <translation>长度（字符）</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Sorted by</source>
        <translation>排序方式</translation>
    </message>
    <message>
        <source>Descending</source>
        <translation>降序</translation>
    </message>
    <message>
        <source>Search by</source>
        <translation>检索依据</translation>
    </message>
    <message>
        <source>Search term (masked)</source>
        <translation>检索词（脱敏）</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配数</translation>
    </message>
    <message>
        <source>Name (masked)</source>
        <translation>姓名（已脱敏）</translation>
    </message>
    <message>
        <source>ID number (masked)</source>
        <translation>证件号码（已脱敏）</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <source>Tier changes ended</source>
        <translation>终止的客户等级调整</translation>
    </message>
    <message>
        <source>Pending change ended</source>
        <translation>终止的待审修改</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户数</translation>
    </message>
    <message>
        <source>History entries</source>
        <translation>历史记录数</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>修改数</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录数</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>同意记录数</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>分配记录数</translation>
    </message>
    <message>
        <source>Special requests</source>
        <translation>专项事务申请</translation>
    </message>
    <message>
        <source>Access log entries</source>
        <translation>访问记录数</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Custody ended for</source>
        <translation>结束代管的客户经理</translation>
    </message>
    <message>
        <source>Replaces the custody of</source>
        <translation>替代其代管的客户经理</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>接受数</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝数</translation>
    </message>
    <message>
        <source>wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>unknown login</source>
        <translation>登录名不存在</translation>
    </message>
    <message>
        <source>account locked</source>
        <translation>账户已锁定</translation>
    </message>
    <message>
        <source>account frozen</source>
        <translation>账户已冻结</translation>
    </message>
    <message>
        <source>waiting for a branch manager&apos;s confirmation</source>
        <translation>等待网点负责人确认</translation>
    </message>
    <message>
        <source>password set by the administrator not changed yet</source>
        <translation>尚未修改管理员设置的密码</translation>
    </message>
    <message>
        <source>wrong password when unlocking</source>
        <translation>解锁时密码错误</translation>
    </message>
    <message>
        <source>wrong current password</source>
        <translation>当前密码错误</translation>
    </message>
    <message>
        <source>new password refused</source>
        <translation>新密码不符合要求</translation>
    </message>
    <message>
        <source>wrong confirmation code</source>
        <translation>确认码错误</translation>
    </message>
    <message>
        <source>wrong second-factor code</source>
        <translation>第二验证因素验证码错误</translation>
    </message>
    <message>
        <source>no activity</source>
        <translation>无操作超时</translation>
    </message>
    <message>
        <source>locked by the user</source>
        <translation>用户手动锁定</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>已断裂</translation>
    </message>
    <message>
        <source>invalid checkpoint</source>
        <translation>无效的检查点</translation>
    </message>
    <message>
        <source>one customer found</source>
        <translation>找到一位客户</translation>
    </message>
    <message>
        <source>no customer found</source>
        <translation>未找到客户</translation>
    </message>
    <message>
        <source>creation</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>password reset</source>
        <translation>密码重置</translation>
    </message>
    <message>
        <source>unfreezing</source>
        <translation>解冻</translation>
    </message>
    <message>
        <source>role change</source>
        <translation>角色变更</translation>
    </message>
    <message>
        <source>custody</source>
        <translation>代管</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>return from custody</source>
        <translation>结束代管</translation>
    </message>
    <message>
        <source>reclaim</source>
        <translation>收回</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>narrowed to the new widths</source>
        <translation>按新宽度收窄</translation>
    </message>
    <message>
        <source>from the full values</source>
        <translation>按完整值重新生成</translation>
    </message>
    <message>
        <source>at the next sign-in of a key holder</source>
        <translation>在下一位密钥持有人登录时进行</translation>
    </message>
    <message>
        <source>own</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>whole branch</source>
        <translation>全网点</translation>
    </message>
    <message>
        <source>own customers</source>
        <translation>本人名下客户</translation>
    </message>
    <message>
        <source>name filter</source>
        <translation>姓名筛选</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>being investigated</source>
        <translation>调查中</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>counter</source>
        <translation>柜面</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>mobile app</source>
        <translation>手机银行</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>processing of personal information</source>
        <translation>个人信息处理</translation>
    </message>
    <message>
        <source>marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>given</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>consent to processing withdrawn</source>
        <translation>已撤回对个人信息处理的同意</translation>
    </message>
    <message>
        <source>reveal</source>
        <translation>完整查看</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>restricted access</source>
        <translation>重点保密客户访问</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>handed over</source>
        <translation>已交付</translation>
    </message>
    <message>
        <source>lent</source>
        <translation>借出</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>归还</translation>
    </message>
    <message>
        <source>destroyed</source>
        <translation>已销毁</translation>
    </message>
    <message>
        <source>serial number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>page code</source>
        <translation>页码二维码</translation>
    </message>
    <message>
        <source>genuine</source>
        <translation>真实</translation>
    </message>
    <message>
        <source>not in the print register</source>
        <translation>不在打印登记簿中</translation>
    </message>
    <message>
        <source>altered or forged code</source>
        <translation>二维码被篡改或伪造</translation>
    </message>
    <message>
        <source>not a BranchVault page</source>
        <translation>不是 BranchVault 打印的页面</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>带 BOM 的 UTF-8</translation>
    </message>
    <message>
        <source>GB18030</source>
        <translation>GB18030</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>clerk lookups</source>
        <translation>查询员查询</translation>
    </message>
    <message>
        <source>same customer opened often</source>
        <translation>频繁打开同一客户</translation>
    </message>
    <message>
        <source>access outside working hours</source>
        <translation>非工作时间访问</translation>
    </message>
    <message>
        <source>failed sign-ins</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>approvals used quickly</source>
        <translation>授权被快速使用</translation>
    </message>
    <message>
        <source>Sign-in and sessions</source>
        <translation>登录与会话</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <source>Staff accounts and keys</source>
        <translation>员工账户与密钥</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Reports and printing</source>
        <translation>报表与打印</translation>
    </message>
    <message>
        <source>Print register</source>
        <translation>打印登记簿</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>%1 signed in at %2</source>
        <translation>%1在 %2 登录</translation>
    </message>
    <message>
        <source>%1 failed to sign in at %2</source>
        <translation>%1在 %2 登录失败</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>账户锁定</translation>
    </message>
    <message>
        <source>%3 was locked at %2 after too many failed sign-ins</source>
        <translation>%3在 %2 因登录失败次数过多被锁定</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>%1 signed out at %2</source>
        <translation>%1在 %2 退出登录</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>会话锁定</translation>
    </message>
    <message>
        <source>The session of %1 was locked at %2</source>
        <translation>%1的会话在 %2 被锁定</translation>
    </message>
    <message>
        <source>Session unlocked</source>
        <translation>会话解锁</translation>
    </message>
    <message>
        <source>%1 unlocked the session at %2</source>
        <translation>%1在 %2 解锁了会话</translation>
    </message>
    <message>
        <source>%1 failed to unlock the session at %2</source>
        <translation>%1在 %2 解锁会话失败</translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <source>%1 changed their password at %2</source>
        <translation>%1在 %2 修改了本人密码</translation>
    </message>
    <message>
        <source>%1 failed to change their password at %2</source>
        <translation>%1在 %2 修改本人密码失败</translation>
    </message>
    <message>
        <source>Second factor enrolled</source>
        <translation>绑定第二验证因素</translation>
    </message>
    <message>
        <source>%1 enrolled a second factor at %2</source>
        <translation>%1在 %2 绑定了第二验证因素</translation>
    </message>
    <message>
        <source>%1 failed to enrol a second factor at %2</source>
        <translation>%1在 %2 绑定第二验证因素失败</translation>
    </message>
    <message>
        <source>Second factor removed</source>
        <translation>移除第二验证因素</translation>
    </message>
    <message>
        <source>%1 removed the second factor of %3 at %2</source>
        <translation>%1在 %2 移除了%3的第二验证因素</translation>
    </message>
    <message>
        <source>Decision confirmed in person</source>
        <translation>本人密码确认决定</translation>
    </message>
    <message>
        <source>%1 confirmed a decision with their own password at %2</source>
        <translation>%1在 %2 用本人密码确认了一项决定</translation>
    </message>
    <message>
        <source>%1 failed to confirm a decision with their password at %2</source>
        <translation>%1在 %2 用本人密码确认决定失败</translation>
    </message>
    <message>
        <source>Access refused</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <source>%1 was refused access to %3 at %2</source>
        <translation>%1在 %2 访问%3被拒绝</translation>
    </message>
    <message>
        <source>Account created</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>%1 created the account %3 at %2</source>
        <translation>%1在 %2 创建了账户%3</translation>
    </message>
    <message>
        <source>%1 froze the account %3 at %2</source>
        <translation>%1在 %2 冻结了账户%3</translation>
    </message>
    <message>
        <source>Account unfrozen</source>
        <translation>解冻账户</translation>
    </message>
    <message>
        <source>%1 unfroze the account %3 at %2</source>
        <translation>%1在 %2 解冻了账户%3</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>%1 reset the password of %3 at %2</source>
        <translation>%1在 %2 重置了%3的密码</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>%1 changed the role of %3 at %2</source>
        <translation>%1在 %2 更改了%3的角色</translation>
    </message>
    <message>
        <source>Account change confirmed</source>
        <translation>确认账户变更</translation>
    </message>
    <message>
        <source>%1 confirmed the account change of %3 at %2</source>
        <translation>%1在 %2 确认了%3的账户变更</translation>
    </message>
    <message>
        <source>Account change declined</source>
        <translation>拒绝账户变更</translation>
    </message>
    <message>
        <source>%1 declined the account change of %3 at %2</source>
        <translation>%1在 %2 拒绝了%3的账户变更</translation>
    </message>
    <message>
        <source>Keys moved into key slots</source>
        <translation>密钥移入密钥槽</translation>
    </message>
    <message>
        <source>%1 moved the database keys into key slots at %2</source>
        <translation>%1在 %2 将数据库密钥移入密钥槽</translation>
    </message>
    <message>
        <source>Recovery slot renewed</source>
        <translation>更新恢复密钥槽</translation>
    </message>
    <message>
        <source>%1 sealed the recovery key slot to a new recovery sheet at %2</source>
        <translation>%1在 %2 将恢复密钥槽改为对应新的恢复口令单</translation>
    </message>
    <message>
        <source>Recovery sheet printed</source>
        <translation>打印恢复口令单</translation>
    </message>
    <message>
        <source>%1 printed a copy of the recovery sheet %3 at %2</source>
        <translation>%1在 %2 打印了一份恢复口令单%3</translation>
    </message>
    <message>
        <source>%1 failed to print the recovery sheet %3 at %2</source>
        <translation>%1在 %2 打印恢复口令单%3失败</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>%1 changed the setting %3 at %2</source>
        <translation>%1在 %2 修改了设置%3</translation>
    </message>
    <message>
        <source>%1 tried to change the setting %3 at %2; the value was refused</source>
        <translation>%1在 %2 试图修改设置%3，该值被拒绝</translation>
    </message>
    <message>
        <source>Masked values re-masked</source>
        <translation>重新脱敏</translation>
    </message>
    <message>
        <source>%1 re-masked the stored masked values at %2</source>
        <translation>%1在 %2 重新生成了已存储的脱敏值</translation>
    </message>
    <message>
        <source>Re-masking the stored masked values failed at %2 (%1)</source>
        <translation>%2 重新生成已存储的脱敏值失败（%1）</translation>
    </message>
    <message>
        <source>Holiday calendar imported</source>
        <translation>节假日安排已导入</translation>
    </message>
    <message>
        <source>%1 imported the official holiday calendar at %2</source>
        <translation>%1 在 %2 导入了官方节假日安排</translation>
    </message>
    <message>
        <source>%1 tried to import a holiday calendar at %2; the file was refused</source>
        <translation>%1 在 %2 尝试导入节假日安排，文件被拒绝</translation>
    </message>
    <message>
        <source>Database created</source>
        <translation>创建数据库</translation>
    </message>
    <message>
        <source>%1 created the database at %2</source>
        <translation>%1在 %2 创建了数据库</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>%1 backed up the database at %2</source>
        <translation>%1在 %2 备份了数据库</translation>
    </message>
    <message>
        <source>%1 failed to back up the database at %2</source>
        <translation>%1在 %2 备份数据库失败</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>%1 restored the database from a backup at %2</source>
        <translation>%1在 %2 从备份恢复了数据库</translation>
    </message>
    <message>
        <source>Key rotation</source>
        <translation>密钥轮换</translation>
    </message>
    <message>
        <source>%1 rotated the database keys at %2</source>
        <translation>%1在 %2 轮换了数据库密钥</translation>
    </message>
    <message>
        <source>%1 failed to rotate the database keys at %2</source>
        <translation>%1在 %2 轮换数据库密钥失败</translation>
    </message>
    <message>
        <source>Database verified</source>
        <translation>校验数据库</translation>
    </message>
    <message>
        <source>%1 verified the database at %2</source>
        <translation>%1在 %2 校验了数据库</translation>
    </message>
    <message>
        <source>%1 verified the database at %2 and found problems</source>
        <translation>%1在 %2 校验数据库，发现问题</translation>
    </message>
    <message>
        <source>Key envelope repaired</source>
        <translation>修复密钥信封</translation>
    </message>
    <message>
        <source>%1 repaired the key envelope at %2</source>
        <translation>%1在 %2 修复了密钥信封</translation>
    </message>
    <message>
        <source>%1 failed to repair the key envelope at %2</source>
        <translation>%1在 %2 修复密钥信封失败</translation>
    </message>
    <message>
        <source>Audit log read</source>
        <translation>查阅审计日志</translation>
    </message>
    <message>
        <source>%1 read the audit log at %2</source>
        <translation>%1在 %2 查阅了审计日志</translation>
    </message>
    <message>
        <source>Audit chain verified</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <source>%1 verified the audit log&apos;s chain at %2</source>
        <translation>%1在 %2 校验了审计日志的哈希链</translation>
    </message>
    <message>
        <source>%1 verified the audit log&apos;s chain at %2 and found it broken</source>
        <translation>%1在 %2 校验审计日志的哈希链，发现链已断裂</translation>
    </message>
    <message>
        <source>Audit checkpoint</source>
        <translation>审计检查点</translation>
    </message>
    <message>
        <source>%1 took an audit checkpoint at %2</source>
        <translation>%1在 %2 生成了审计检查点</translation>
    </message>
    <message>
        <source>Audit log exported</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>%1 exported the audit log to %3 at %2</source>
        <translation>%1在 %2 将审计日志导出到%3</translation>
    </message>
    <message>
        <source>Audit rows purged</source>
        <translation>清除审计记录</translation>
    </message>
    <message>
        <source>%1 purged audit rows past the retention period at %2</source>
        <translation>%1在 %2 清除了超过保存期限的审计记录</translation>
    </message>
    <message>
        <source>Audit alerts reviewed</source>
        <translation>查看审计告警</translation>
    </message>
    <message>
        <source>%1 reviewed the audit alerts at %2</source>
        <translation>%1在 %2 查看了审计告警</translation>
    </message>
    <message>
        <source>Special request filed</source>
        <translation>提交专项事务申请</translation>
    </message>
    <message>
        <source>%1 filed the special request %3 at %2</source>
        <translation>%1在 %2 提交了专项事务申请%3</translation>
    </message>
    <message>
        <source>Special request approved</source>
        <translation>批准专项事务申请</translation>
    </message>
    <message>
        <source>%1 approved the special request %3 at %2</source>
        <translation>%1在 %2 批准了专项事务申请%3</translation>
    </message>
    <message>
        <source>Special request rejected</source>
        <translation>驳回专项事务申请</translation>
    </message>
    <message>
        <source>%1 rejected the special request %3 at %2</source>
        <translation>%1在 %2 驳回了专项事务申请%3</translation>
    </message>
    <message>
        <source>Special request revoked</source>
        <translation>撤销专项事务申请</translation>
    </message>
    <message>
        <source>%1 revoked the special request %3 at %2</source>
        <translation>%1在 %2 撤销了专项事务申请%3</translation>
    </message>
    <message>
        <source>Special request withdrawn</source>
        <translation>撤回专项事务申请</translation>
    </message>
    <message>
        <source>%1 withdrew the special request %3 at %2</source>
        <translation>%1在 %2 撤回了专项事务申请%3</translation>
    </message>
    <message>
        <source>Special requests listed</source>
        <translation>查看专项事务申请列表</translation>
    </message>
    <message>
        <source>%1 looked at the list of special requests at %2</source>
        <translation>%1在 %2 查看了专项事务申请列表</translation>
    </message>
    <message>
        <source>Approval used</source>
        <translation>使用授权</translation>
    </message>
    <message>
        <source>%1 used the approval of the special request %3 at %2</source>
        <translation>%1在 %2 使用了专项事务申请%3的授权</translation>
    </message>
    <message>
        <source>Unused approval given back</source>
        <translation>退回未使用的授权</translation>
    </message>
    <message>
        <source>%1 gave back the approval of the special request %3 at %2, unused (the print failed)</source>
        <translation>%1在 %2 退回了专项事务申请%3未使用的授权（打印失败）</translation>
    </message>
    <message>
        <source>Customer entered</source>
        <translation>录入客户</translation>
    </message>
    <message>
        <source>%1 entered the new %3 at %2</source>
        <translation>%1在 %2 录入了新%3</translation>
    </message>
    <message>
        <source>Customer record changed</source>
        <translation>修改客户记录</translation>
    </message>
    <message>
        <source>%1 changed the record of %3 at %2</source>
        <translation>%1在 %2 修改了%3的记录</translation>
    </message>
    <message>
        <source>Customer details opened</source>
        <translation>打开客户详情</translation>
    </message>
    <message>
        <source>%1 opened the details of %3 at %2</source>
        <translation>%1在 %2 打开了%3的详情</translation>
    </message>
    <message>
        <source>Customer list shown</source>
        <translation>查看客户列表</translation>
    </message>
    <message>
        <source>%1 looked at the list of %3 at %2</source>
        <translation>%1在 %2 查看了%3列表</translation>
    </message>
    <message>
        <source>Customer search</source>
        <translation>检索客户</translation>
    </message>
    <message>
        <source>%1 searched %3 at %2</source>
        <translation>%1在 %2 检索了%3</translation>
    </message>
    <message>
        <source>Counter lookup</source>
        <translation>柜面查询</translation>
    </message>
    <message>
        <source>%1 looked up %3 at the counter at %2</source>
        <translation>%1在 %2 于柜面查询了%3</translation>
    </message>
    <message>
        <source>Full values viewed</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <source>%1 viewed full values of %3 under an approval at %2</source>
        <translation>%1在 %2 凭授权查看了%3的完整信息</translation>
    </message>
    <message>
        <source>Entry or change approved</source>
        <translation>批准录入或修改</translation>
    </message>
    <message>
        <source>%1 approved the entry or change of %3 at %2</source>
        <translation>%1在 %2 批准了%3的录入或修改</translation>
    </message>
    <message>
        <source>Entry or change rejected</source>
        <translation>驳回录入或修改</translation>
    </message>
    <message>
        <source>%1 rejected the entry or change of %3 at %2</source>
        <translation>%1在 %2 驳回了%3的录入或修改</translation>
    </message>
    <message>
        <source>Customer manager changed</source>
        <translation>调整客户经理</translation>
    </message>
    <message>
        <source>%1 changed the customer manager of %3 at %2</source>
        <translation>%1在 %2 调整了%3的客户经理</translation>
    </message>
    <message>
        <source>Relationship closed</source>
        <translation>终止业务关系</translation>
    </message>
    <message>
        <source>%1 closed the relationship with %3 at %2</source>
        <translation>%1在 %2 终止了与%3的业务关系</translation>
    </message>
    <message>
        <source>Customer anonymised</source>
        <translation>客户匿名化</translation>
    </message>
    <message>
        <source>%1 anonymised %3 after the retention period at %2</source>
        <translation>%1在 %2 对保存期满的%3进行了匿名化处理</translation>
    </message>
    <message>
        <source>Customers imported</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>%1 imported customers from a file at %2</source>
        <translation>%1在 %2 从文件导入了客户</translation>
    </message>
    <message>
        <source>%1 tried to import customers from a file at %2; the import stopped</source>
        <translation>%1在 %2 试图从文件导入客户，导入中止</translation>
    </message>
    <message>
        <source>Data-subject report</source>
        <translation>个人信息主体报告</translation>
    </message>
    <message>
        <source>%1 produced the data-subject report of %3 at %2</source>
        <translation>%1在 %2 生成了%3的个人信息主体报告</translation>
    </message>
    <message>
        <source>Customer data exported</source>
        <translation>导出客户数据</translation>
    </message>
    <message>
        <source>%1 exported the data of %3 at %2</source>
        <translation>%1在 %2 导出了%3的数据</translation>
    </message>
    <message>
        <source>Customer data printed</source>
        <translation>打印客户数据</translation>
    </message>
    <message>
        <source>%1 printed the data of %3 at %2</source>
        <translation>%1在 %2 打印了%3的数据</translation>
    </message>
    <message>
        <source>Suspicious pair cleared</source>
        <translation>解除可疑客户对</translation>
    </message>
    <message>
        <source>%1 reviewed and cleared the suspicious pair %3 at %2</source>
        <translation>%1在 %2 复核并解除了可疑客户对%3</translation>
    </message>
    <message>
        <source>Tier change decided</source>
        <translation>审核客户等级调整</translation>
    </message>
    <message>
        <source>%1 decided on the tier change of %3 at %2</source>
        <translation>%1在 %2 审核了%3的客户等级调整</translation>
    </message>
    <message>
        <source>Service recorded</source>
        <translation>登记服务记录</translation>
    </message>
    <message>
        <source>%1 recorded a service for %3 at %2</source>
        <translation>%1在 %2 为%3登记了服务记录</translation>
    </message>
    <message>
        <source>Complaint recorded</source>
        <translation>投诉已记录</translation>
    </message>
    <message>
        <source>%1 recorded or updated a complaint of %3 at %2</source>
        <translation>%1在 %2 登记或更新了%3的投诉</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>登记同意</translation>
    </message>
    <message>
        <source>%1 recorded a consent of %3 at %2</source>
        <translation>%1在 %2 登记了%3的同意记录</translation>
    </message>
    <message>
        <source>Re-keyed value did not match</source>
        <translation>复核录入值不一致</translation>
    </message>
    <message>
        <source>%1 typed values from the document of %3 at %2 that do not match the record; the approval was refused</source>
        <translation>%1 在 %2 按证件录入的 %3 的值与记录不一致，批准被拒绝</translation>
    </message>
    <message>
        <source>Draft kept</source>
        <translation>草稿已保存</translation>
    </message>
    <message>
        <source>%1&apos;s unsaved form was kept as a sealed draft at %2</source>
        <translation>%1 未保存的表单在 %2 作为加密草稿保存</translation>
    </message>
    <message>
        <source>Draft restored</source>
        <translation>草稿已恢复</translation>
    </message>
    <message>
        <source>%1 restored an unsaved form from a draft at %2</source>
        <translation>%1 在 %2 从草稿恢复了未保存的表单</translation>
    </message>
    <message>
        <source>Draft deleted</source>
        <translation>草稿已删除</translation>
    </message>
    <message>
        <source>%1&apos;s draft was deleted at %2</source>
        <translation>%1 的草稿在 %2 被删除</translation>
    </message>
    <message>
        <source>Old drafts removed</source>
        <translation>过期草稿已清除</translation>
    </message>
    <message>
        <source>Drafts older than their lifetime were removed at %2</source>
        <translation>超过保存期限的草稿在 %2 被清除</translation>
    </message>
    <message>
        <source>Report produced</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <source>%1 produced the report %3 at %2</source>
        <translation>%1在 %2 生成了报表%3</translation>
    </message>
    <message>
        <source>Print registered</source>
        <translation>登记打印</translation>
    </message>
    <message>
        <source>%1 printed %3 at %2</source>
        <translation>%1在 %2 打印了%3</translation>
    </message>
    <message>
        <source>Page codes issued</source>
        <translation>生成页码二维码</translation>
    </message>
    <message>
        <source>%1 issued the page codes of %3 at %2</source>
        <translation>%1在 %2 生成了%3的页码二维码</translation>
    </message>
    <message>
        <source>Print finished</source>
        <translation>打印完成</translation>
    </message>
    <message>
        <source>%1 recorded %3 as printed at %2</source>
        <translation>%1在 %2 登记%3已打印完成</translation>
    </message>
    <message>
        <source>Print failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>%1 recorded that printing %3 failed at %2</source>
        <translation>%1在 %2 登记%3打印失败</translation>
    </message>
    <message>
        <source>Print cancelled</source>
        <translation>取消打印</translation>
    </message>
    <message>
        <source>%1 cancelled printing the report %3 at %2</source>
        <translation>%1在 %2 取消了报表%3的打印</translation>
    </message>
    <message>
        <source>Printout traced</source>
        <translation>追溯打印件</translation>
    </message>
    <message>
        <source>%1 traced %3 at %2</source>
        <translation>%1在 %2 追溯了%3</translation>
    </message>
    <message>
        <source>Print register read</source>
        <translation>查阅打印登记簿</translation>
    </message>
    <message>
        <source>%1 read the print register at %2</source>
        <translation>%1在 %2 查阅了打印登记簿</translation>
    </message>
    <message>
        <source>Print register alerts</source>
        <translation>打印登记簿警示</translation>
    </message>
    <message>
        <source>%1 reviewed the print register&apos;s alerts at %2</source>
        <translation>%1在 %2 查看了打印登记簿的告警</translation>
    </message>
    <message>
        <source>Print register verified</source>
        <translation>校验打印登记簿</translation>
    </message>
    <message>
        <source>%1 verified the print register at %2</source>
        <translation>%1在 %2 校验了打印登记簿</translation>
    </message>
    <message>
        <source>%1 verified the print register at %2 and found it altered</source>
        <translation>%1在 %2 校验打印登记簿，发现已被篡改</translation>
    </message>
    <message>
        <source>Printout received</source>
        <translation>签收打印件</translation>
    </message>
    <message>
        <source>%1 recorded %3 as received at %2</source>
        <translation>%1在 %2 登记%3已签收</translation>
    </message>
    <message>
        <source>Printout handed over</source>
        <translation>交付打印件</translation>
    </message>
    <message>
        <source>%1 recorded %3 as handed over at %2</source>
        <translation>%1在 %2 登记%3已交付</translation>
    </message>
    <message>
        <source>Printout lent</source>
        <translation>借出打印件</translation>
    </message>
    <message>
        <source>%1 lent %3 at %2</source>
        <translation>%1在 %2 借出了%3</translation>
    </message>
    <message>
        <source>Printout returned</source>
        <translation>归还打印件</translation>
    </message>
    <message>
        <source>%1 recorded %3 as returned at %2</source>
        <translation>%1在 %2 登记%3已归还</translation>
    </message>
    <message>
        <source>Printout destroyed</source>
        <translation>销毁打印件</translation>
    </message>
    <message>
        <source>%1 recorded the destruction of %3 at %2</source>
        <translation>%1在 %2 登记销毁了%3</translation>
    </message>
    <message>
        <source>password changed while signing in</source>
        <translation>登录过程中密码已被更改</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>条目 %1</translation>
    </message>
    <message>
        <source>%1, now %2</source>
        <translation>%1，现为 %2</translation>
    </message>
    <message>
        <source>Offline sign-in</source>
        <translation>离线登录</translation>
    </message>
    <message>
        <source>%1 signed in without the branch server at %2 (recorded at the upload)</source>
        <translation>%1 于 %2 在未连接网点服务器时登录（上传时记录）</translation>
    </message>
    <message>
        <source>Offline sign-out</source>
        <translation>离线退出</translation>
    </message>
    <message>
        <source>%1 ended an offline session at %2 (recorded at the upload)</source>
        <translation>%1 于 %2 结束离线会话（上传时记录）</translation>
    </message>
    <message>
        <source>Offline session ended when idle</source>
        <translation>离线会话因空闲结束</translation>
    </message>
    <message>
        <source>The offline session of %1 ended without input at %2 (recorded at the upload)</source>
        <translation>%1 的离线会话于 %2 因无操作而结束（上传时记录）</translation>
    </message>
    <message>
        <source>Customer kept offline</source>
        <translation>离线暂存客户</translation>
    </message>
    <message>
        <source>%1 kept a new customer in the workstation&apos;s outbox as %3 at %2</source>
        <translation>%1 于 %2 将一名新客户暂存在本工作站的待发箱中，为%3</translation>
    </message>
    <message>
        <source>Outbox entry discarded</source>
        <translation>待发条目已弃用</translation>
    </message>
    <message>
        <source>%1 discarded the outbox entry %3 at %2</source>
        <translation>%1 于 %2 弃用了待发箱中的%3</translation>
    </message>
    <message>
        <source>Outbox entry sent</source>
        <translation>待发条目已发送</translation>
    </message>
    <message>
        <source>%1 sent the outbox entry %3 to the branch server at %2</source>
        <translation>%1 于 %2 将待发箱中的%3发送到网点服务器</translation>
    </message>
    <message>
        <source>Part read</source>
        <translation>读取部分</translation>
    </message>
    <message>
        <source>a later page</source>
        <translation>后续页</translation>
    </message>
    <message>
        <source>history</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>consent entries</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>none: the stored masked values stay narrower until each value is entered again</source>
        <translation>无：已保存的遮盖值保持较窄，直至各值重新录入</translation>
    </message>
    <message>
        <source>Branch server upgraded</source>
        <translation>网点服务器已升级</translation>
    </message>
    <message>
        <source>%1 upgraded the branch server&apos;s schema at %2</source>
        <translation>%1 于 %2 升级了网点服务器的数据库结构</translation>
    </message>
    <message>
        <source>Suspicious pairs closed</source>
        <translation>随之关闭的可疑客户对</translation>
    </message>
</context>
<context>
    <name>AuthService</name>
    <message>
        <source>The login or the password is wrong. Check both and try again; ask the system administrator if you forgot your password.</source>
        <translation>登录名或密码错误。请核对两者后重试；如忘记密码，请联系系统管理员。</translation>
    </message>
    <message>
        <source>This account is frozen. Ask the system administrator if it should be unfrozen.</source>
        <translation>此用户账户已被冻结。如需解冻，请联系系统管理员。</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app to finish signing in.</source>
        <translation>请输入身份验证器应用中的 6 位动态验证码以完成登录。</translation>
    </message>
    <message>
        <source>You are not signed in (or were signed out). Sign in again.</source>
        <translation>您尚未登录（或已退出登录）。请重新登录。</translation>
    </message>
    <message>
        <source>The session is locked. Enter your password to continue.</source>
        <translation>会话已锁定。请输入密码以继续。</translation>
    </message>
    <message>
        <source>This account is frozen. Ask the system administrator.</source>
        <translation>此用户账户已被冻结。请联系系统管理员。</translation>
    </message>
    <message>
        <source>The account no longer exists.</source>
        <translation>该用户账户已不存在。</translation>
    </message>
    <message>
        <source>Start the enrolment first: a new key is shown for your authenticator app.</source>
        <translation>请先开始绑定：系统将显示用于身份验证器应用的新密钥。</translation>
    </message>
    <message>
        <source>This session holds no customer-information keys: sign in as a branch manager whose own password has been set.</source>
        <translation>此会话未持有客户信息密钥：请以已设置本人密码的网点负责人身份登录。</translation>
    </message>
    <message>
        <source>This account waits for a branch manager&apos;s confirmation (dual control) and cannot sign in yet. Ask a branch manager other than yourself to confirm it; you then receive a confirmation code to use with your new password.</source>
        <translation>此用户账户正在等待网点负责人确认（双人控制），暂不能登录。请请本人以外的网点负责人确认；确认后您会收到一个确认码，在设置新密码时使用。</translation>
    </message>
    <message>
        <source>The password is right, but it does not open this account&apos;s key slot: the slot is damaged. Ask a branch manager to have the account reset and confirmed again; run &quot;branchvault-cli verify&quot;.</source>
        <translation>密码正确，但无法打开此用户账户的密钥槽：密钥槽已损坏。请网点负责人安排重置并重新确认此用户账户；并运行“branchvault-cli verify”。</translation>
    </message>
    <message>
        <source>This account holds no key for customer information yet. Ask a branch manager to confirm the account; you then receive a confirmation code.</source>
        <translation>此用户账户尚未持有客户信息密钥。请网点负责人确认此用户账户，确认后您会收到一个确认码。</translation>
    </message>
    <message>
        <source>Type the confirmation code the branch manager gave you when confirming this account: it opens your access to customer information.</source>
        <translation>请输入网点负责人确认此用户账户时交给您的确认码：它用于开通您对客户信息的访问。</translation>
    </message>
    <message>
        <source>This account&apos;s key slot holds other keys than the signed-in key holders use: the database was tampered with. Sign everyone out, run &quot;branchvault-cli verify&quot; and tell the security auditor.</source>
        <translation>此用户账户的密钥槽中的密钥与已登录密钥持有人使用的密钥不同：数据库已被篡改。请让所有人退出登录，运行“branchvault-cli verify”，并告知安全审计员。</translation>
    </message>
    <message>
        <source>The database has no recovery key slot, so its keys cannot move into key slots yet. Open it once with &quot;branchvault-cli verify&quot; and tell the system administrator.</source>
        <translation>数据库没有恢复密钥槽，因此其密钥暂不能移入密钥槽。请用“branchvault-cli verify”打开一次，并告知系统管理员。</translation>
    </message>
    <message>
        <source>The login or the password of the confirming person is wrong. That person checks both and types them again; repeated failures lock their account.</source>
        <translation>确认人的登录名或密码错误。请确认人核对后重新输入；多次失败将锁定其账户。</translation>
    </message>
    <message>
        <source>The confirming person must type their own login and password.</source>
        <translation>确认人须输入本人的登录名和密码。</translation>
    </message>
    <message>
        <source>The confirming person&apos;s account is frozen, so it cannot confirm anything. Ask another person.</source>
        <translation>确认人的账户已冻结，不能进行确认。请另请他人确认。</translation>
    </message>
    <message>
        <source>The confirming person&apos;s account waits for a branch manager&apos;s confirmation and cannot confirm anything yet. Ask another person.</source>
        <translation>确认人的账户正在等待网点负责人确认，暂不能进行确认。请另请他人确认。</translation>
    </message>
    <message>
        <source>On-the-spot authorisation is opened from a normal session. Sign in as yourself first.</source>
        <translation>现场授权须从正常登录的会话中发起。请先以您本人身份登录。</translation>
    </message>
    <message>
        <source>The authorising person types their own login and password (and the code of their authenticator app when they use one).</source>
        <translation>授权人须输入本人的登录名和密码（如使用身份验证器应用，还须输入其动态验证码）。</translation>
    </message>
    <message>
        <source>You cannot authorise your own work: another person (a branch manager who is not you) signs in here for this decision.</source>
        <translation>您不能为自己的工作授权：须由另一人（不是您本人的网点负责人）在此登录并作出本项决定。</translation>
    </message>
    <message>
        <source>The authorising person must change their password first (it is new, was reset or has expired). That person signs in normally, changes it, and can then authorise here.</source>
        <translation>授权人须先修改密码（密码为新设、已重置或已过期）。请其正常登录并修改密码后，再在此授权。</translation>
    </message>
    <message>
        <source>The authorising person must enrol a second factor first. That person signs in normally, enrols an authenticator app, and can then authorise here.</source>
        <translation>授权人须先绑定第二验证因素。请其正常登录并绑定身份验证器应用后，再在此授权。</translation>
    </message>
    <message>
        <source>The authorising person&apos;s role (%1) may not %2. Ask a person whose role decides this.</source>
        <translation>授权人的角色（%1）不能%2。请由有权作出该决定的角色的人员授权。</translation>
    </message>
    <message numerus="yes">
        <source>The on-the-spot authorisation expired (it lasts %n minutes). The authorising person signs in again.</source>
        <translation>
            <numerusform>现场授权已过期（有效 %n 分钟）。请授权人重新登录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts: the account is locked for %n minutes. Try again later, or ask the system administrator to unlock it.</source>
        <translation>
            <numerusform>失败次数过多：用户账户已被锁定 %n 分钟。请稍后重试，或请系统管理员解锁。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This account is locked after too many failed sign-ins. Try again in %n minutes, or ask the system administrator to unlock it.</source>
        <translation>
            <numerusform>由于登录失败次数过多，此用户账户已被锁定。请在 %n 分钟后重试，或请系统管理员解锁。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The confirming person&apos;s account is locked after too many failed attempts. Try again in %n minutes, or ask the system administrator to unlock it.</source>
        <translation>
            <numerusform>确认人的账户因多次失败已被锁定。请在 %n 分钟后重试，或请系统管理员解锁。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The session was locked after %n minutes without activity. Enter your password to continue.</source>
        <translation>
            <numerusform>由于 %n 分钟内无操作，会话已锁定。请输入密码以继续。</numerusform>
        </translation>
    </message>
    <message>
        <source>On-the-spot authorisation is only for a second person&apos;s decision (an approval of a customer change, a special request or a staff account change), not to %1. Sign in normally for that.</source>
        <translation>现场授权只用于第二人的决定（批准客户信息变更、专项事务申请或员工账户变更），不能用于%1。如需此操作，请正常登录。</translation>
    </message>
    <message>
        <source>The confirming person uses an authenticator app: they type its 6-digit code as well.</source>
        <translation>确认人已启用身份验证器应用：请同时输入其中显示的 6 位动态码。</translation>
    </message>
    <message>
        <source>The confirming person must change their password first (it was set by the administrator or has expired). That person signs in, changes it, and can then confirm.</source>
        <translation>确认人须先修改密码（密码由管理员设置或已过期）。请其本人登录并修改密码后再进行确认。</translation>
    </message>
    <message>
        <source>%1 holds no key for customer information here (no key slot of their own yet), so they cannot give another account its access. A branch manager who has signed in with their own password confirms it.</source>
        <translation>%1 在此尚无客户信息密钥（本人还没有密钥槽），因此不能为其他账户开通访问。请由已用本人密码登录过的网点负责人确认。</translation>
    </message>
    <message>
        <source>The confirming person must enrol a second factor first. That person signs in normally, enrols an authenticator app, and can then confirm.</source>
        <translation>确认人须先启用第二重身份验证。请其本人正常登录并绑定身份验证器应用后再进行确认。</translation>
    </message>
    <message>
        <source>The confirming person&apos;s role (%1) may not %2. Ask a person whose role decides this.</source>
        <translation>确认人的角色（%1）无权%2。请由有权决定此事项的人员确认。</translation>
    </message>
</context>
<context>
    <name>BackupArchive</name>
    <message>
        <source>The backup file is damaged or incomplete and cannot be restored. Nothing was changed; use another backup.</source>
        <translation>备份文件已损坏或不完整，无法还原。未做任何更改；请使用其他备份。</translation>
    </message>
    <message>
        <source>the file is too short</source>
        <translation>文件长度过短</translation>
    </message>
    <message>
        <source>This file is not a BranchVault backup. Choose a file written by &quot;branchvault-cli backup&quot;.</source>
        <translation>此文件不是 BranchVault 备份。请选择由“branchvault-cli backup”生成的文件。</translation>
    </message>
    <message>
        <source>The backup was written by a newer BranchVault. Install the newer version to restore it.</source>
        <translation>此备份由较新版本的 BranchVault 生成。请安装该新版本后再还原。</translation>
    </message>
    <message>
        <source>the manifest is cut off</source>
        <translation>清单被截断</translation>
    </message>
    <message>
        <source>the manifest is not readable</source>
        <translation>清单无法读取</translation>
    </message>
    <message>
        <source>the file is %1 bytes long, %2 were expected</source>
        <translation>文件长度为 %1 字节，应为 %2 字节</translation>
    </message>
    <message>
        <source>its checksum does not match its content</source>
        <translation>其校验和与内容不符</translation>
    </message>
    <message>
        <source>The backup file %1 cannot be opened. Check the name and the permissions.</source>
        <translation>无法打开备份文件 %1。请检查文件名和访问权限。</translation>
    </message>
    <message>
        <source>A file already exists at %1. Backups never overwrite a file; choose a new name.</source>
        <translation>%1 处已存在文件。备份从不覆盖已有文件；请另选一个文件名。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Create it or choose another folder.</source>
        <translation>文件夹 %1 不存在。请先创建该文件夹，或选择其他文件夹。</translation>
    </message>
    <message>
        <source>The copy of the database failed its integrity check, so no backup was written. Run &quot;branchvault-cli verify&quot; on the database.</source>
        <translation>数据库副本未通过完整性校验，因此未写入备份。请对该数据库运行“branchvault-cli verify”。</translation>
    </message>
    <message>
        <source>The copy of the database cannot be read.</source>
        <translation>无法读取数据库副本。</translation>
    </message>
    <message>
        <source>Writing the backup</source>
        <translation>写入备份</translation>
    </message>
    <message>
        <source>The backup holds a database of a newer BranchVault (schema %1). Install the newer version to restore it; nothing was changed.</source>
        <translation>此备份中的数据库来自较新版本的 BranchVault（结构版本 %1）。请安装该新版本后再还原；未做任何更改。</translation>
    </message>
    <message>
        <source>the envelope in the backup belongs to another database</source>
        <translation>备份中的密钥信封属于另一个数据库</translation>
    </message>
    <message>
        <source>The key of this backup is not in this computer&apos;s keychain. Give the database&apos;s recovery passphrase (on standard input for branchvault-cli restore).</source>
        <translation>本机系统钥匙串中没有此备份的密钥。请提供该数据库的恢复口令（使用 branchvault-cli restore 时从标准输入提供）。</translation>
    </message>
    <message>
        <source>no key in the backup&apos;s envelope matches its key-check value</source>
        <translation>备份的密钥信封中没有与其密钥校验值相符的密钥</translation>
    </message>
    <message>
        <source>The backup file was altered after it was written (its authentication code does not match). It cannot be trusted and was not restored; use another backup.</source>
        <translation>备份文件在生成后被改动过（其认证码不符）。该备份不可信，未予还原；请使用其他备份。</translation>
    </message>
    <message>
        <source>Extracting the backup</source>
        <translation>提取备份</translation>
    </message>
    <message>
        <source>The key envelope does not match the database key, so a backup made now could not be restored with the recovery passphrase. No backup was written; run &quot;branchvault-cli verify&quot; first.</source>
        <translation>密钥信封与数据库密钥不一致，此时做出的备份将无法用恢复口令还原，因此未写入备份。请先运行“branchvault-cli verify”。</translation>
    </message>
    <message>
        <source>The backup could not be written completely: %1 No backup file was left behind; free some space or choose another disk, then try again.</source>
        <translation>备份未能完整写入：%1 未留下任何备份文件；请腾出磁盘空间或换一个磁盘，然后重试。</translation>
    </message>
    <message>
        <source>Extracting the backup beside the database</source>
        <translation>在数据库旁提取备份</translation>
    </message>
    <message>
        <source>the file could not be read to its end</source>
        <translation>文件未能读到末尾</translation>
    </message>
    <message>
        <source>The backup could not be extracted: %1 Nothing was changed.</source>
        <translation>备份未能提取：%1 未做任何更改。</translation>
    </message>
    <message>
        <source>The restored database&apos;s journal could not be merged into it.</source>
        <translation>还原后数据库的事务日志未能并入数据库文件。</translation>
    </message>
    <message>
        <source>The restore could not start swapping the files: %1 Nothing was changed.</source>
        <translation>还原未能开始替换文件：%1 未做任何更改。</translation>
    </message>
    <message>
        <source>The restore was interrupted while the files were being swapped: %1 Nothing was lost: the swap is recorded beside the database and is finished when the database is opened next.</source>
        <translation>还原在替换文件时中断：%1 没有丢失任何数据：替换步骤已记录在数据库旁，下次打开数据库时会自动完成。</translation>
    </message>
    <message>
        <source>The database being replaced can be opened only with this computer&apos;s keychain: its key envelope is missing, damaged or out of step. Restoring now would leave its kept copy with no key. Repair its envelope first (branchvault-cli repair-envelope), or move the database away yourself, then restore again. Nothing was changed.</source>
        <translation>将被替换的数据库只能用本机系统钥匙串打开：其密钥信封缺失、已损坏或与密钥不一致。现在还原会使保留的副本失去密钥。请先修复其密钥信封（branchvault-cli repair-envelope），或自行移走该数据库，然后再还原。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>Bench</name>
    <message>
        <source>branchvault-bench: %1 customers, folder %2</source>
        <translation>branchvault-bench：%1 个客户，文件夹 %2</translation>
    </message>
    <message>
        <source>branchvault-bench: %1</source>
        <translation>branchvault-bench：%1</translation>
    </message>
    <message>
        <source>[%1] creating the database and the staff accounts</source>
        <translation>[%1] 正在创建数据库和员工用户账户</translation>
    </message>
    <message>
        <source>[%1] writing %2 customers into %3 import files</source>
        <translation>[%1] 正在将 %2 个客户写入 %3 个导入文件</translation>
    </message>
    <message>
        <source>bulk import (validated, sealed, indexed, audited), rows/s</source>
        <translation>批量导入（校验、加密、建立索引、记录审计日志），行/秒</translation>
    </message>
    <message>
        <source>approval of imported records (pages of 1,000), rows/s</source>
        <translation>批准导入的记录（每页 1,000 条），行/秒</translation>
    </message>
    <message>
        <source>service record entry (one commit each), rows/s</source>
        <translation>录入服务记录（每条单独提交），行/秒</translation>
    </message>
    <message>
        <source>exact lookup by ID</source>
        <translation>按证件号码精确查询</translation>
    </message>
    <message>
        <source>exact lookup by mobile</source>
        <translation>按手机号码精确查询</translation>
    </message>
    <message>
        <source>exact lookup by card</source>
        <translation>按卡号精确查询</translation>
    </message>
    <message>
        <source> (query, no commit)</source>
        <translation>（查询，不提交）</translation>
    </message>
    <message>
        <source> (with its audit commit)</source>
        <translation>（含审计日志提交）</translation>
    </message>
    <message>
        <source>clerk lookup (name + ID), end to end</source>
        <translation>查询员查询（姓名 + 证件号码），端到端</translation>
    </message>
    <message>
        <source>branch list page of 200 while scrolling</source>
        <translation>滚动时加载全网点客户列表的一页（200 条）</translation>
    </message>
    <message>
        <source>branch list: first page</source>
        <translation>全网点客户列表：第一页</translation>
    </message>
    <message>
        <source>branch list: a page deep in the list (keyset)</source>
        <translation>全网点客户列表：列表深处的一页（键集分页）</translation>
    </message>
    <message>
        <source>branch list: last page</source>
        <translation>全网点客户列表：最后一页</translation>
    </message>
    <message>
        <source>portfolio name filter (%1 customers)</source>
        <translation>名下客户按姓名筛选（%1 个客户）</translation>
    </message>
    <message>
        <source>open one customer&apos;s detail (masked)</source>
        <translation>打开单个客户的详细信息（脱敏）</translation>
    </message>
    <message>
        <source>reveal under a grant</source>
        <translation>凭授权查看明文</translation>
    </message>
    <message>
        <source>approval of a pending edit</source>
        <translation>批准一项待复核的修改</translation>
    </message>
    <message>
        <source>audit append, one commit each, rows/s</source>
        <translation>追加审计记录，每条单独提交，行/秒</translation>
    </message>
    <message>
        <source>audit append inside one transaction, rows/s</source>
        <translation>在同一事务内追加审计记录，行/秒</translation>
    </message>
    <message>
        <source>audit chain verification, rows/s (%1 rows)</source>
        <translation>审计链校验，行/秒（%1 行）</translation>
    </message>
    <message>
        <source>sign-in (Argon2id at the configured cost)</source>
        <translation>登录（按配置的 Argon2id 开销）</translation>
    </message>
    <message>
        <source>open + unlock (raw key)</source>
        <translation>打开 + 解锁（原始密钥）</translation>
    </message>
    <message>
        <source>, cipher_memory_security ON (query)</source>
        <translation>，开启 cipher_memory_security（查询）</translation>
    </message>
    <message>
        <source>[%1] round %2: importing</source>
        <translation>[%1] 第 %2 轮：正在导入</translation>
    </message>
    <message>
        <source>[%1] round %2: imported %3 in %4 s</source>
        <translation>[%1] 第 %2 轮：已导入 %3 条，用时 %4 秒</translation>
    </message>
    <message>
        <source>[%1] round %2: approved %3 in %4 s</source>
        <translation>[%1] 第 %2 轮：已批准 %3 条，用时 %4 秒</translation>
    </message>
    <message>
        <source>[%1] round %2: service records and complaints</source>
        <translation>[%1] 第 %2 轮：服务记录和投诉</translation>
    </message>
    <message>
        <source>[%1] round %2: lookups</source>
        <translation>[%1] 第 %2 轮：查询</translation>
    </message>
    <message>
        <source>[%1] round %2: scrolling the branch list</source>
        <translation>[%1] 第 %2 轮：滚动全网点客户列表</translation>
    </message>
    <message>
        <source>[%1] round %2: scrolled %3 rows</source>
        <translation>[%1] 第 %2 轮：已滚动 %3 行</translation>
    </message>
</context>
<context>
    <name>BenchMain</name>
    <message>
        <source>BranchVault benchmark: an encrypted and a plaintext branch, one table.</source>
        <translation>BranchVault 性能基准：一个加密网点与一个明文网点，结果汇总为一张表。</translation>
    </message>
    <message>
        <source>Write the results as JSON to FILE.</source>
        <translation>将结果以 JSON 格式写入 FILE。</translation>
    </message>
    <message>
        <source>Folder for the databases (default: a temporary folder).</source>
        <translation>存放数据库的文件夹（默认：临时文件夹）。</translation>
    </message>
    <message>
        <source>Keep the databases.</source>
        <translation>保留数据库。</translation>
    </message>
    <message>
        <source>--customers must be at least 100.</source>
        <translation>--customers 至少为 100。</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>--customers must be at least 1.</source>
        <translation>--customers 至少为 1。</translation>
    </message>
    <message>
        <source>--server reads six lines on standard input: the branch manager&apos;s login and password, a customer manager&apos;s login and password, a clerk&apos;s login and password.</source>
        <translation>--server 从标准输入读取六行：网点负责人的登录名和密码、一名客户经理的登录名和密码、一名查询员的登录名和密码。</translation>
    </message>
    <message>
        <source>Number of customers (default 1000000; with --server 2000).</source>
        <translation>客户数量（默认 1000000；使用 --server 时为 2000）。</translation>
    </message>
    <message>
        <source>A small run (2,000 customers; with --server 250) to prove it works.</source>
        <translation>小规模运行（2,000 位客户；使用 --server 时为 250 位），用于证明其可以正常运行。</translation>
    </message>
    <message>
        <source>Measure the branch-server mode against the server this workstation is connected to (branchvault-cli server add-workstation). Standard input gives six lines: the branch manager&apos;s login and password, a customer manager&apos;s login and password, a clerk&apos;s login and password. The server keeps the customers the run enters (there is no delete): run it against a test branch server, never a production one.</source>
        <translation>针对本工作站已连接的服务器（branchvault-cli server add-workstation）测量网点服务器模式。标准输入提供六行：网点负责人的登录名和密码、一名客户经理的登录名和密码、一名查询员的登录名和密码。服务器会保留本次运行录入的客户（无法删除）：请只在测试用网点服务器上运行，切勿在生产服务器上运行。</translation>
    </message>
    <message>
        <source>With --server: run even though the branch has customers already (they are left alone).</source>
        <translation>与 --server 一起使用：即使网点已有客户也运行（已有客户不受影响）。</translation>
    </message>
    <message>
        <source>Profiling: only the encrypted database&apos;s imports, in two rounds as in a full run (the second into the first&apos;s customers, left pending), then the stage table.</source>
        <translation>性能剖析：只运行加密数据库的导入，与完整运行一样分两轮（第二轮导入到第一轮的客户之上，这些客户仍待复核），然后输出分阶段表。</translation>
    </message>
</context>
<context>
    <name>CalendarWarning</name>
    <message>
        <source>Due dates in %1 were counted without that year&apos;s official holidays (Saturdays and Sundays only). Check them against the State Council&apos;s holiday arrangement, and ask the system administrator to import the year&apos;s holiday calendar.</source>
        <translation>%1 年的截止日期是在没有该年官方节假日数据的情况下计算的（只按周六、周日休息）。请对照国务院的放假安排核对，并请系统管理员导入该年的节假日日历。</translation>
    </message>
</context>
<context>
    <name>ChangeStatus</name>
    <message>
        <source>pending approval</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>See branchvault-cli --help.</source>
        <translation>请参阅 branchvault-cli --help。</translation>
    </message>
    <message>
        <source>Usage: branchvault-cli [--db PATH] [--json] COMMAND [ARGUMENTS]

BranchVault&apos;s headless front end for administrators and scripts. Secrets (passwords, the recovery passphrase) are read from standard input, never from the command line.

Commands:
</source>
        <translation>用法：branchvault-cli [--db PATH] [--json] COMMAND [ARGUMENTS]

BranchVault 的无界面命令行程序，供系统管理员和脚本使用。机密信息（密码、恢复口令）一律从标准输入读取，从不从命令行读取。

命令：
</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>branchvault-cli %1 (SQLCipher %2 with %3, libsodium %4, Qt %5)</source>
        <translation>branchvault-cli %1（SQLCipher %2，加密提供程序 %3，libsodium %4，Qt %5）</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>This command acts for a person: give --user LOGIN (the password is read from standard input).</source>
        <translation>此命令须以具体人员的身份执行：请给出 --user LOGIN（密码从标准输入读取）。</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>Or run the command again with --mask-numbers to save them masked.</source>
        <translation>或加上 --mask-numbers 重新运行该命令，以屏蔽形式保存。</translation>
    </message>
    <message>
        <source>
Options:
  --db PATH      the database (default: %1)
  --json         structured output on stdout
  --mask-numbers save ID, mobile and card numbers found in free text (purposes, contents, resolutions) masked instead of refusing the text
  --lang LANG    zh_CN or en (default: the system language)
  --version      program and library versions
  --help         this text

Exit status 0 means success; any other status comes with one line on stderr naming the cause.</source>
        <translation>
选项：
  --db PATH      数据库（默认：%1）
  --json         在标准输出（stdout）上输出结构化结果
  --mask-numbers 自由文本（用途、内容、处理结果）中发现的证件号码、手机号码和卡号以屏蔽形式保存，而不是拒绝该文本
  --lang LANG    zh_CN 或 en（默认：系统语言）
  --version      程序及所用库的版本
  --help         本说明

退出状态 0 表示成功；其他任何退出状态都会在标准错误输出（stderr）上附带一行原因说明。</translation>
    </message>
</context>
<context>
    <name>CliInput</name>
    <message>
        <source>%1 is missing: type it at the prompt, or give it on standard input (one line).</source>
        <translation>未提供%1：请在提示符处输入，或通过标准输入提供（一行）。</translation>
    </message>
    <message>
        <source>The input on standard input is larger than 64 MiB.</source>
        <translation>标准输入的内容超过 64 MiB。</translation>
    </message>
</context>
<context>
    <name>ComplaintStatus</name>
    <message>
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>under investigation</source>
        <translation>调查中</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>A new row could not be saved</source>
        <translation>新记录未能保存</translation>
    </message>
    <message>
        <source>A new row was saved without its number. Report this to the developers; the change was not kept.</source>
        <translation>新记录保存后未返回编号。请报告开发人员；此次更改未保留。</translation>
    </message>
</context>
<context>
    <name>ControlledOutput</name>
    <message>
        <source>PDF permission flags are advisory; the controlled marks are part of every page.</source>
        <translation>PDF 的权限标志仅供参考；受控标记是每一页内容的一部分。</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>打印%1</translation>
    </message>
    <message>
        <source>Save %1 as PDF</source>
        <translation>将%1另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ControlledPrint</name>
    <message>
        <source>%1 The report was not printed: the print is recorded as failed in the print register, and its approval was not used up.</source>
        <translation>%1 报表未打印：此次打印已在打印登记簿中记为失败，其审批授权未被使用。</translation>
    </message>
    <message>
        <source>The print register returned no copies to print. Print the report again.</source>
        <translation>打印登记簿未返回任何待打印的份数。请重新打印报表。</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>The import data could not be opened.</source>
        <translation>无法打开导入数据。</translation>
    </message>
    <message>
        <source>The file could not be read. Check that it exists and that you may open it, then import again.</source>
        <translation>无法读取该文件。请确认文件存在且您有权打开，然后重新导入。</translation>
    </message>
    <message>
        <source>The import can only read a file on disk. Save the file to a folder and import it from there.</source>
        <translation>导入功能只能读取磁盘上的文件。请将文件保存到某个文件夹中，再从该文件夹导入。</translation>
    </message>
    <message>
        <source>Reading the file failed. Check that the disk or network drive is still available and import again.</source>
        <translation>读取文件失败。请确认磁盘或网络驱动器仍可访问，然后重新导入。</translation>
    </message>
    <message>
        <source>Save it from Excel as &quot;CSV UTF-8&quot; and import again.</source>
        <translation>请在 Excel 中将其另存为“CSV UTF-8”格式，然后重新导入。</translation>
    </message>
    <message>
        <source>The file is saved as &quot;Unicode text&quot; (UTF-16), which cannot be imported.</source>
        <translation>该文件以“Unicode 文本”（UTF-16）格式保存，无法导入。</translation>
    </message>
    <message>
        <source>The file is not a text file (it contains binary data). Check that you chose the CSV file.</source>
        <translation>该文件不是文本文件（含有二进制数据）。请确认选择的是 CSV 文件。</translation>
    </message>
    <message>
        <source>The file is empty. Fill in the import template, save it and import again.</source>
        <translation>该文件为空。请填写导入模板，保存后重新导入。</translation>
    </message>
    <message>
        <source>The file is marked as UTF-8 but contains bytes that are not UTF-8 text.</source>
        <translation>该文件标记为 UTF-8，但含有不属于 UTF-8 文本的字节。</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text, and this build of BranchVault cannot read GB18030 text.</source>
        <translation>该文件不是 UTF-8 文本，而此版本的 BranchVault 无法读取 GB18030 文本。</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor GB18030 text.</source>
        <translation>该文件既不是 UTF-8 文本，也不是 GB18030 文本。</translation>
    </message>
    <message>
        <source>The file changed while it was being read. Close it in Excel or any other program, then import it again.</source>
        <translation>文件在读取过程中发生了变化。请在 Excel 或其他程序中关闭该文件，然后重新导入。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No import file is open.</source>
        <translation>没有打开的导入文件。</translation>
    </message>
    <message>
        <source>Line %1, column %2: the value is longer than %3 characters. Shorten it; if it should not be this long, look for a missing closing quote (&quot;).</source>
        <translation>第 %1 行 %2 列：值的长度超过 %3 个字符。请缩短该值；如果它本不应这么长，请检查是否缺少右引号（&quot;）。</translation>
    </message>
    <message>
        <source>Line %1, column %2: the row has more than %3 columns. Delete the extra columns and import again.</source>
        <translation>第 %1 行 %2 列：该行超过 %3 列。请删除多余的列后重新导入。</translation>
    </message>
    <message>
        <source>Line %1, column %2: the quoted value starting here has no closing quote (&quot;), so everything from line %1 to the end of the file was read as this one value. Add the missing quote and import again.</source>
        <translation>第 %1 行 %2 列：从此处开始的带引号的值缺少右引号（&quot;），因此从第 %1 行到文件末尾的全部内容都被读成了这一个值。请补上缺少的引号后重新导入。</translation>
    </message>
    <message>
        <source>Line %1, column %2: there is text after the closing quote of a quoted value. Put the whole value in quotes and write each quote inside it twice (&quot;&quot;), or remove the quotes.</source>
        <translation>第 %1 行 %2 列：带引号的值在右引号之后还有文字。请将整个值放在引号内，并将值内的每个引号写两遍（&quot;&quot;），或者去掉引号。</translation>
    </message>
    <message>
        <source>The heading row has already been read.</source>
        <translation>标题行已读取过。</translation>
    </message>
    <message>
        <source>Line %1: columns %2 and %3 are both the column &quot;%4&quot;. Delete one of them.</source>
        <translation>第 %1 行：%2 列和 %3 列都是“%4”列。请删除其中一列。</translation>
    </message>
    <message>
        <source>Line %1 is not the heading row of the import template: none of its values is a known column heading. Put the template&apos;s heading row first and import again.</source>
        <translation>第 %1 行不是导入模板的标题行：其中没有任何已知的列标题。请将模板的标题行放在第一行，然后重新导入。</translation>
    </message>
    <message>
        <source>column %1 &quot;%2&quot;</source>
        <translation>%1 列“%2”</translation>
    </message>
    <message>
        <source>Line %1: unknown column headings: %2. Use the headings of the import template (in English or Chinese), or delete these columns.</source>
        <translation>第 %1 行：无法识别的列标题：%2。请使用导入模板中的列标题（中文或英文均可），或删除这些列。</translation>
    </message>
    <message>
        <source>The heading row has no column for: %1. Add these columns (see the import template) and import again.</source>
        <translation>标题行缺少以下列：%1。请添加这些列（参见导入模板）后重新导入。</translation>
    </message>
    <message>
        <source>The heading row of the import file has not been read.</source>
        <translation>尚未读取导入文件的标题行。</translation>
    </message>
    <message>
        <source>Line %1, column %2: this value is to the right of the last column of the heading row (%3 columns). Delete it, or put values that contain commas in quotes.</source>
        <translation>第 %1 行 %2 列：该值位于标题行最后一列（共 %3 列）的右侧。请删除该值；如果值中含有逗号，请将其放在引号内。</translation>
    </message>
    <message>
        <source>Line %1, column %2: there is a value in a column without a heading. Delete the value or add the column&apos;s heading.</source>
        <translation>第 %1 行 %2 列：没有标题的列中有值。请删除该值，或补上该列的标题。</translation>
    </message>
</context>
<context>
    <name>CustomerCare</name>
    <message>
        <source>Describe the service given to the customer; the record cannot be empty.</source>
        <translation>请描述为客户提供的服务；服务记录不能为空。</translation>
    </message>
    <message>
        <source>Describe what the customer complains about; the complaint cannot be empty.</source>
        <translation>请描述客户投诉的内容；投诉不能为空。</translation>
    </message>
    <message>
        <source>Enter the resolution: what the customer was told and what was done.</source>
        <translation>请输入处理结果：告知客户的内容以及已采取的措施。</translation>
    </message>
    <message>
        <source>The text contains control characters (often pasted from another program). Retype it or paste it as plain text.</source>
        <translation>文本含有控制字符（通常是从其他程序粘贴而来）。请重新输入，或以纯文本形式粘贴。</translation>
    </message>
    <message>
        <source>The text is %1 characters long; at most %2 are kept. Shorten it and save again.</source>
        <translation>文本长度为 %1 个字符，最多只能保存 %2 个。请缩短后重新保存。</translation>
    </message>
    <message>
        <source>The text looks like a PIN, CVV or password; BranchVault never stores customers&apos; authentication secrets. Remove the secret (describe the matter without it) and save again.</source>
        <translation>文本看起来像是 PIN、CVV 或密码；BranchVault 从不保存客户的身份验证机密信息。请删除该机密信息（描述事项时不要包含它），然后重新保存。</translation>
    </message>
    <message>
        <source>The channel is not one BranchVault records. Choose one of: %1.</source>
        <translation>BranchVault 不记录该渠道。请选择以下渠道之一：%1。</translation>
    </message>
    <message>
        <source>The customer&apos;s record has no creation time.</source>
        <translation>该客户记录没有创建时间。</translation>
    </message>
    <message>
        <source>Enter a valid date (YYYY-MM-DD).</source>
        <translation>请输入有效日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>The date %1 is in the future (today is %2). Enter the day it happened.</source>
        <translation>日期 %1 是未来的日期（今天是 %2）。请输入事项发生的日期。</translation>
    </message>
    <message>
        <source>The date %1 is more than %2 years before the customer&apos;s record was created. Check the year.</source>
        <translation>日期 %1 比该客户记录的创建时间早 %2 年以上。请检查年份。</translation>
    </message>
    <message>
        <source>Customer %1 is still waiting for the branch manager&apos;s approval. Record services and complaints once the record is approved.</source>
        <translation>客户 %1 仍在等待网点负责人批准。请在客户记录获批后再登记服务和投诉。</translation>
    </message>
    <message>
        <source>Customer %1 is %2; nothing more is recorded for it.</source>
        <translation>客户 %1 的状态为 %2；不再为该客户登记任何内容。</translation>
    </message>
    <message>
        <source>Enter when the complaint was received (date and time).</source>
        <translation>请输入受理投诉的时间（日期和时间）。</translation>
    </message>
    <message>
        <source>The complaint&apos;s receipt time lies in the future. Enter when it was actually received.</source>
        <translation>投诉受理时间是未来的时间。请输入实际受理的时间。</translation>
    </message>
    <message>
        <source>The receipt time is more than %1 years before the customer&apos;s record was created. Check the year.</source>
        <translation>受理时间比该客户记录的创建时间早 %1 年以上。请检查年份。</translation>
    </message>
    <message>
        <source>There is no complaint %1. Open the customer&apos;s complaints and choose one from the list.</source>
        <translation>不存在投诉 %1。请打开该客户的投诉列表并从中选择。</translation>
    </message>
    <message>
        <source>Customer %1 is %2; its complaints can no longer be changed.</source>
        <translation>客户 %1 的状态为 %2；其投诉已不能再更改。</translation>
    </message>
    <message>
        <source>A complaint can be set to: investigating, answered or closed.</source>
        <translation>投诉状态只能设为 investigating（调查中）、answered（已答复）或 closed（已关闭）。</translation>
    </message>
    <message>
        <source>A resolution is recorded when the complaint is answered, not when the investigation starts. Leave it empty for now.</source>
        <translation>处理结果应在答复投诉时登记，而不是在开始调查时登记。请暂时留空。</translation>
    </message>
    <message>
        <source>Complaint %1 is already %2; a complaint only moves forward (open, under investigation, answered, closed).</source>
        <translation>投诉 %1 的状态已是 %2；投诉状态只能向前推进（待处理、调查中、已答复、已关闭）。</translation>
    </message>
    <message>
        <source>Complaint %1 was never answered. Record the answer given to the customer (status answered, with the resolution) before closing it.</source>
        <translation>投诉 %1 尚未答复。请先登记给客户的答复（状态为“已答复”，并附处理结果），再关闭该投诉。</translation>
    </message>
    <message>
        <source>Complaint %1 was changed meanwhile. Reopen it and try again.</source>
        <translation>投诉 %1 在此期间已被更改。请重新打开后重试。</translation>
    </message>
    <message>
        <source>Consent is recorded for processing or for marketing; choose one of the two.</source>
        <translation>同意的用途为个人信息处理或营销；请选择其中之一。</translation>
    </message>
    <message>
        <source>Record whether the customer gave consent or withdrew it (given or withdrawn).</source>
        <translation>请登记客户是给予同意还是撤回同意（given 或 withdrawn）。</translation>
    </message>
    <message>
        <source>Customer %1 is closed: a withdrawal can still be recorded, a new consent cannot.</source>
        <translation>客户 %1 已关闭：仍可登记撤回同意，但不能登记新的同意。</translation>
    </message>
    <message>
        <source>The last %1 consent entry of customer %2 is dated %3; entries are recorded in the order they happened. Check the date.</source>
        <translation>客户 %2 最近一条%1同意记录的日期为 %3；同意记录须按发生的先后顺序登记。请检查日期。</translation>
    </message>
    <message>
        <source>processing</source>
        <translation>个人信息处理</translation>
    </message>
    <message>
        <source>marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>Customer %1 has no consent to processing on record, so there is nothing to withdraw. Check the customer and the purpose.</source>
        <translation>客户 %1 没有个人信息处理同意记录，因此无可撤回。请核对客户和用途。</translation>
    </message>
    <message>
        <source>Customer %1 has no consent to marketing on record, so there is nothing to withdraw. Check the customer and the purpose.</source>
        <translation>客户 %1 没有营销同意记录，因此无可撤回。请核对客户和用途。</translation>
    </message>
    <message>
        <source>Consent to marketing needs the customer&apos;s consent to processing first (given on or before the same date). Record the processing consent, then the marketing consent.</source>
        <translation>营销同意须以客户已同意个人信息处理为前提（同意日期不晚于营销同意的日期）。请先登记个人信息处理同意，再登记营销同意。</translation>
    </message>
    <message>
        <source>The customer&apos;s consent to marketing is dated %1, after this withdrawal of consent to processing. Check the date.</source>
        <translation>客户的营销同意日期为 %1，晚于本次撤回个人信息处理同意的日期。请检查日期。</translation>
    </message>
    <message>
        <source>The service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>The complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>The resolution</source>
        <translation>处理结果</translation>
    </message>
</context>
<context>
    <name>CustomerCareCommands</name>
    <message>
        <source>OVERDUE</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>%1 needs --%2. See branchvault-cli --help.</source>
        <translation>%1 命令需要 --%2 参数。请参阅 branchvault-cli --help。</translation>
    </message>
    <message>
        <source>Complaint %1 of customer %2 is recorded: investigate by %3, answer by %4 (UTC).</source>
        <translation>已登记客户 %2 的投诉 %1：调查截止时间 %3，答复截止时间 %4（UTC）。</translation>
    </message>
    <message>
        <source>It is overdue already.</source>
        <translation>该投诉已逾期。</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>complaint update needs --status investigating|answered|closed (answered and closed with --resolution TEXT).</source>
        <translation>complaint update 命令需要 --status investigating|answered|closed 参数（answered 和 closed 须同时给出 --resolution TEXT）。</translation>
    </message>
    <message>
        <source>complaint update --status %1 needs --resolution TEXT: what the customer was told and what was done.</source>
        <translation>complaint update --status %1 需要 --resolution TEXT 参数：告知客户的内容以及已采取的措施。</translation>
    </message>
    <message>
        <source>Complaint %1 is now %2.</source>
        <translation>投诉 %1 的状态现为 %2。</translation>
    </message>
    <message>
        <source>No complaints are overdue.</source>
        <translation>没有逾期的投诉。</translation>
    </message>
    <message>
        <source>Customer %1 has no complaints.</source>
        <translation>客户 %1 没有投诉。</translation>
    </message>
    <message>
        <source>complaint needs a subcommand: add, update, list or overdue.</source>
        <translation>complaint 命令需要子命令：add、update、list 或 overdue。</translation>
    </message>
    <message>
        <source>Unknown complaint subcommand &quot;%1&quot;.</source>
        <translation>未知的 complaint 子命令“%1”。</translation>
    </message>
    <message>
        <source>service needs a subcommand: add or list.</source>
        <translation>service 命令需要子命令：add 或 list。</translation>
    </message>
    <message>
        <source>Unknown service subcommand &quot;%1&quot;.</source>
        <translation>未知的 service 子命令“%1”。</translation>
    </message>
    <message>
        <source>Service record %1 of customer %2 (%3) is saved.</source>
        <translation>已保存客户 %2 的服务记录 %1（%3）。</translation>
    </message>
    <message>
        <source>Customer %1 has no service records.</source>
        <translation>客户 %1 没有服务记录。</translation>
    </message>
    <message>
        <source>consent needs a subcommand: add, withdraw or list.</source>
        <translation>consent 命令需要子命令：add、withdraw 或 list。</translation>
    </message>
    <message>
        <source>Unknown consent subcommand &quot;%1&quot;.</source>
        <translation>未知的 consent 子命令“%1”。</translation>
    </message>
    <message>
        <source>Customer %1 has no consent entries.</source>
        <translation>客户 %1 没有同意记录。</translation>
    </message>
    <message>
        <source>consent %1 needs --purpose processing|marketing.</source>
        <translation>consent %1 命令需要 --purpose processing|marketing 参数。</translation>
    </message>
    <message>
        <source>The withdrawal of consent to %1 by customer %2 is recorded (%3).</source>
        <translation>已登记客户 %2 撤回对 %1 的同意（%3）。</translation>
    </message>
    <message>
        <source>The consent of customer %2 to %1 is recorded (%3).</source>
        <translation>已登记客户 %2 对 %1 的同意（%3）。</translation>
    </message>
    <message>
        <source>Any current consent to marketing is withdrawn with it.</source>
        <translation>当前有效的营销同意也随之撤回。</translation>
    </message>
</context>
<context>
    <name>CustomerCli</name>
    <message>
        <source>--%1 &quot;%2&quot; is not a date. Write it as YYYY-MM-DD (for example 2026-03-01).</source>
        <translation>--%1 的值“%2”不是日期。请按 YYYY-MM-DD 格式填写（例如 2026-03-01）。</translation>
    </message>
    <message>
        <source>--%1 &quot;%2&quot; is not a time. Give an ISO 8601 date-time (2026-03-01T08:30 in branch time, UTC+8, or with Z or an offset such as +08:00) or a date (00:00 branch time).</source>
        <translation>--%1 的值“%2”不是有效的时间。请提供 ISO 8601 日期时间（2026-03-01T08:30 表示网点时间，UTC+8；也可带 Z 或 +08:00 等时区偏移）或日期（表示网点时间 00:00）。</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;. Put values with spaces in quotes. See branchvault-cli --help.</source>
        <translation>多余的参数“%1”。含空格的值请用引号括起来。请参阅 branchvault-cli --help。</translation>
    </message>
    <message>
        <source>%1 needs the customer number (customer list shows it). See branchvault-cli --help.</source>
        <translation>%1 命令需要客户号（可用 customer list 查看）。请参阅 branchvault-cli --help。</translation>
    </message>
    <message>
        <source>%1 needs the number of the %2 (the list shows it). See branchvault-cli --help.</source>
        <translation>%1 命令需要%2编号（可在列表中查看）。请参阅 branchvault-cli --help。</translation>
    </message>
    <message>
        <source>--limit must be a whole number from 1 to %1.</source>
        <translation>--limit 必须为 1 至 %1 之间的整数。</translation>
    </message>
    <message>
        <source>%1 (account %2): %3</source>
        <translation>%1（账户 %2）：%3</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>No match: no active customer has exactly this full name and ID number. Check both against the ID document (they must match in full).</source>
        <translation>无匹配结果：没有状态正常的客户与此完整姓名和证件号码完全相符。请对照证件核对两者（必须完全一致）。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>%1 (custody until %2 UTC)</source>
        <translation>%1（托管至 %2 UTC）</translation>
    </message>
    <message>
        <source>Account %1: %2  %3  opened %4  %5</source>
        <translation>账户 %1：%2  %3  开户日期 %4  %5</translation>
    </message>
    <message>
        <source>Pending change: %1 (waiting for a branch manager&apos;s approval)</source>
        <translation>待复核的变更：%1（等待网点负责人批准）</translation>
    </message>
    <message>
        <source>%1 of change %2, typed from the customer&apos;s document</source>
        <translation>变更 %2 的%1（按客户证件录入）</translation>
    </message>
    <message>
        <source>Customer %1 has no history yet.</source>
        <translation>客户 %1 尚无历史记录。</translation>
    </message>
</context>
<context>
    <name>CustomerCommands</name>
    <message>
        <source>(a key that is not a field name)</source>
        <translation>（不是字段名的键）</translation>
    </message>
    <message>
        <source>%1 must be an object such as {&quot;number&quot;: …, &quot;type&quot;: &quot;debit_card&quot;, &quot;openedOn&quot;: &quot;2015-01-01&quot;}.</source>
        <translation>%1 必须是对象，例如 {&quot;number&quot;: …, &quot;type&quot;: &quot;debit_card&quot;, &quot;openedOn&quot;: &quot;2015-01-01&quot;}。</translation>
    </message>
    <message>
        <source>%1 has the unknown key %2; an account has id, number, type, openedOn, status and remove.</source>
        <translation>%1 含有未知的键 %2；账户的键为 id、number、type、openedOn、status 和 remove。</translation>
    </message>
    <message>
        <source>%1 has an id, but a new customer&apos;s accounts are new: leave the id out.</source>
        <translation>%1 含有 id，但新客户的账户都是新账户：请去掉 id。</translation>
    </message>
    <message>
        <source>%1.id must be the number of an account of the customer (customer show lists them).</source>
        <translation>%1.id 必须是该客户某个账户的编号（可用 customer show 查看）。</translation>
    </message>
    <message>
        <source>%1.remove must be true or false.</source>
        <translation>%1.remove 必须为 true 或 false。</translation>
    </message>
    <message>
        <source>%1.%2 must be text in quotes.</source>
        <translation>%1.%2 必须是带引号的文本。</translation>
    </message>
    <message>
        <source>%1.openedOn must be a date written as YYYY-MM-DD.</source>
        <translation>%1.openedOn 必须是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <source>%1 is to be removed: give its id (customer show lists the accounts).</source>
        <translation>%1 将被删除：请给出其 id（可用 customer show 查看账户）。</translation>
    </message>
    <message>
        <source>%1 has neither an id (to change an account) nor a number (to add one).</source>
        <translation>%1 既没有 id（用于修改账户），也没有 number（用于添加账户）。</translation>
    </message>
    <message>
        <source>The customer document is not valid JSON (%1 at character %2). Check the quotes, commas and braces.</source>
        <translation>客户文档不是有效的 JSON（第 %2 个字符处：%1）。请检查引号、逗号和花括号。</translation>
    </message>
    <message>
        <source>The customer document must be one JSON object: {&quot;values&quot;: {…}, &quot;accounts&quot;: […]}.</source>
        <translation>客户文档必须是一个 JSON 对象：{&quot;values&quot;: {…}, &quot;accounts&quot;: […]}。</translation>
    </message>
    <message>
        <source>&quot;values&quot; must be an object of field keys and values, such as {&quot;name&quot;: …, &quot;id_number&quot;: …}.</source>
        <translation>“values”必须是由字段键和值组成的对象，例如 {&quot;name&quot;: …, &quot;id_number&quot;: …}。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a value of the record: give it at the top level of the document, beside &quot;values&quot;.</source>
        <translation>“%1”不是记录中的值：请将其放在文档的顶层，与“values”并列。</translation>
    </message>
    <message>
        <source>&quot;values&quot; has the key %1, which is not a field a customer is entered with. The fields are: %2.</source>
        <translation>“values”含有键 %1，但它不是录入客户时使用的字段。可用字段为：%2。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; must be text in quotes.</source>
        <translation>“%1”的值必须是带引号的文本。</translation>
    </message>
    <message>
        <source>&quot;accounts&quot; must be a list: [{&quot;number&quot;: …, &quot;type&quot;: …}].</source>
        <translation>“accounts”必须是列表：[{&quot;number&quot;: …, &quot;type&quot;: …}]。</translation>
    </message>
    <message>
        <source>&quot;restricted&quot; must be true or false.</source>
        <translation>“restricted”必须为 true 或 false。</translation>
    </message>
    <message>
        <source>An edit does not change the customer manager. A branch manager moves the customer with customer transfer NO --manager LOGIN --reason TEXT.</source>
        <translation>修改不能更改客户经理。更换客户经理须由网点负责人使用 customer transfer NO --manager LOGIN --reason TEXT 移交客户。</translation>
    </message>
    <message>
        <source>&quot;manager&quot; must be the login of a customer manager, in quotes.</source>
        <translation>“manager”必须是客户经理的登录名，并用引号括起来。</translation>
    </message>
    <message>
        <source>The customer document has the unknown key %1. Its keys are values, accounts, restricted and manager.</source>
        <translation>客户文档含有未知的键 %1。可用的键为 values、accounts、restricted 和 manager。</translation>
    </message>
    <message>
        <source>The customer document has no &quot;values&quot;: give at least the name, the ID number and the mobile or the address.</source>
        <translation>客户文档中没有“values”：请至少提供姓名、证件号码，以及手机号码或地址。</translation>
    </message>
    <message>
        <source>The document changes nothing: give the fields to change in &quot;values&quot;, accounts in &quot;accounts&quot;, or &quot;restricted&quot;.</source>
        <translation>该文档没有任何更改：请在“values”中给出要更改的字段，在“accounts”中给出账户，或给出“restricted”。</translation>
    </message>
    <message>
        <source>The file %1 does not exist. Check the folder and the file name.</source>
        <translation>文件 %1 不存在。请检查文件夹和文件名。</translation>
    </message>
    <message>
        <source>The file %1 is larger than 1 MiB; a customer document is much smaller. Check the file.</source>
        <translation>文件 %1 大于 1 MiB；客户文档远小于此。请检查该文件。</translation>
    </message>
    <message>
        <source>The file %1 could not be read. Check that you may read it.</source>
        <translation>无法读取文件 %1。请确认您有权读取该文件。</translation>
    </message>
    <message>
        <source>Type or paste the customer document (JSON), then press Ctrl-D.</source>
        <translation>请输入或粘贴客户文档（JSON），然后按 Ctrl-D。</translation>
    </message>
    <message>
        <source>No customer document: give it as JSON on standard input after the password line, or with --file FILE.json.</source>
        <translation>没有客户文档：请在标准输入中于密码行之后以 JSON 格式提供，或使用 --file FILE.json。</translation>
    </message>
    <message>
        <source>The customer document is larger than 1 MiB; a customer document is much smaller.</source>
        <translation>客户文档大于 1 MiB；正常的客户文档远小于此。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Only the branch manager names the responsible customer manager; the customers you enter are your own. Leave &quot;manager&quot; out.</source>
        <translation>只有网点负责人可以指定负责的客户经理；您录入的客户归您本人负责。请去掉“manager”。</translation>
    </message>
    <message>
        <source>No staff account has the login %1 given as &quot;manager&quot;. Give the login of an active customer manager.</source>
        <translation>没有员工用户账户使用“manager”中给出的登录名 %1。请给出在用的客户经理的登录名。</translation>
    </message>
    <message>
        <source>Customer %1 was entered. Change %2 is pending approval by a branch manager (not you).</source>
        <translation>客户 %1 已录入。变更 %2 正等待网点负责人（非您本人）批准。</translation>
    </message>
    <message>
        <source>Customer %1 has no account %2 (accounts[%3].id). customer show lists the accounts.</source>
        <translation>客户 %1 没有账户 %2（accounts[%3].id）。可用 customer show 查看账户。</translation>
    </message>
    <message>
        <source>Change %1 of customer %2 is pending approval by a branch manager (not you).</source>
        <translation>客户 %2 的变更 %1 正等待网点负责人（非您本人）批准。</translation>
    </message>
    <message>
        <source>restricted</source>
        <translation>重点保密</translation>
    </message>
    <message>
        <source>--sort must be number, tier, manager or created.</source>
        <translation>--sort 必须为 number、tier、manager 或 created。</translation>
    </message>
    <message>
        <source>The branch list has no name filter. Find a customer by the full name with customer find --name NAME.</source>
        <translation>全网点客户列表不支持按姓名筛选。请使用 customer find --name NAME 按完整姓名查找客户。</translation>
    </message>
    <message>
        <source>Your portfolio is listed by customer number; --sort is for the branch manager&apos;s list.</source>
        <translation>您的名下客户按客户号排列；--sort 仅用于网点负责人的列表。</translation>
    </message>
    <message>
        <source>No customer of yours matches the name filter.</source>
        <translation>您的名下客户中没有与姓名筛选条件匹配的客户。</translation>
    </message>
    <message>
        <source>No customers.</source>
        <translation>没有客户。</translation>
    </message>
    <message>
        <source>More customers follow: continue with --after %1</source>
        <translation>还有更多客户：请使用 --after %1 继续</translation>
    </message>
    <message>
        <source>customer find needs exactly one of --id, --mobile, --account or --name with the full value (exact match).</source>
        <translation>customer find 命令需要且只能给出 --id、--mobile、--account 或 --name 中的一个，并提供完整的值（精确匹配）。</translation>
    </message>
    <message>
        <source>No customer matches.</source>
        <translation>没有匹配的客户。</translation>
    </message>
    <message>
        <source>customer lookup needs the full name (--name), the full ID number (--id) and the purpose (--purpose TEXT).</source>
        <translation>customer lookup 命令需要完整姓名（--name）、完整证件号码（--id）和查询目的（--purpose TEXT）。</translation>
    </message>
    <message>
        <source>customer reveal needs --fields F1,F2 (the grade-1 fields of an approved request).</source>
        <translation>customer reveal 命令需要 --fields F1,F2 参数（已批准申请中的一级信息字段）。</translation>
    </message>
    <message>
        <source>customer needs a subcommand: add, edit, show, list, find, lookup, reveal, import, assign, transfer, custody, return, reclaim, assignments, close, report or history.</source>
        <translation>customer 命令需要子命令：add、edit、show、list、find、lookup、reveal、import、assign、transfer、custody、return、reclaim、assignments、close、report 或 history。</translation>
    </message>
    <message>
        <source>Unknown customer subcommand &quot;%1&quot;.</source>
        <translation>未知的 customer 子命令“%1”。</translation>
    </message>
</context>
<context>
    <name>CustomerEntry</name>
    <message>
        <source>A customer with this ID number already exists: customer number %1, customer manager %2. Do not enter it again; ask that customer manager or the branch manager.</source>
        <translation>已存在使用此证件号码的客户：客户号 %1，客户经理 %2。请勿重复录入；请咨询该客户经理或网点负责人。</translation>
    </message>
    <message>
        <source>Choose the customer manager who will be responsible for this customer (an active customer manager account).</source>
        <translation>请选择负责该客户的客户经理（须为在用的客户经理用户账户）。</translation>
    </message>
    <message>
        <source>Customer %1 is %2; only active customers can be edited.</source>
        <translation>客户 %1 的状态为 %2；只能修改状态正常的客户。</translation>
    </message>
    <message>
        <source>An earlier change of customer %1 is still waiting for approval. Wait for the branch manager&apos;s decision, then edit again.</source>
        <translation>客户 %1 之前的一项变更仍在等待批准。请等待网点负责人处理后再修改。</translation>
    </message>
    <message>
        <source>Nothing was changed: every value is the same as in the record.</source>
        <translation>未做任何更改：所有值都与记录中的相同。</translation>
    </message>
    <message>
        <source>There is no pending change %1 that you may see.</source>
        <translation>不存在您有权查看的待复核变更 %1。</translation>
    </message>
    <message>
        <source>The change no longer exists.</source>
        <translation>该变更已不存在。</translation>
    </message>
    <message>
        <source>The customer record changed after this edit was made. Reject it; the maker can edit again from the current record.</source>
        <translation>该客户记录在此次修改之后又发生了变化。请驳回此次修改；经办人可基于当前记录重新修改。</translation>
    </message>
    <message>
        <source>An account in this change does not belong to the customer.</source>
        <translation>此变更中的某个账户不属于该客户。</translation>
    </message>
    <message>
        <source>There is no change %1.</source>
        <translation>不存在变更 %1。</translation>
    </message>
    <message>
        <source>Change %1 was already decided (%2).</source>
        <translation>变更 %1 已处理（%2）。</translation>
    </message>
    <message>
        <source>You made this change, so you cannot approve it: another branch manager must check it.</source>
        <translation>此变更由您本人提交，因此您不能批准：须由另一位网点负责人复核。</translation>
    </message>
    <message>
        <source>Give the reason for the rejection, so the maker can correct it.</source>
        <translation>请填写驳回原因，以便经办人更正。</translation>
    </message>
    <message>
        <source>You made this change, so another branch manager must decide on it.</source>
        <translation>此变更由您本人提交，因此须由另一位网点负责人处理。</translation>
    </message>
    <message>
        <source>Give the reason why the pair is in order (for example: husband and wife share the phone).</source>
        <translation>请说明该可疑客户对并无问题的原因（例如：夫妻共用同一电话）。</translation>
    </message>
    <message>
        <source>There is no open suspicious pair %1.</source>
        <translation>不存在未处理的可疑客户对 %1。</translation>
    </message>
    <message>
        <source>Give a reason for the approval (for example what you checked against the documents), so the decision can be traced.</source>
        <translation>请填写批准理由（例如对照了哪些证件材料），以便追溯该决定。</translation>
    </message>
    <message numerus="yes">
        <source>%n more fields need attention</source>
        <translation>
            <numerusform>另有 %n 个字段需要注意</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>What you typed from the customer&apos;s document does not match the record: %1. Check the document and type it again; if it still differs, reject the change so that its maker corrects it.</source>
        <translation>您按客户证件录入的内容与记录不符：%1。请核对证件后重新录入；如仍不符，请驳回该变更，由经办人更正。</translation>
    </message>
    <message>
        <source>To approve change %1, type from the customer&apos;s document: %2. The values are compared with the record without showing it.</source>
        <translation>批准变更 %1 前，请按客户证件录入：%2。系统将在不显示记录内容的情况下与记录比对。</translation>
    </message>
</context>
<context>
    <name>CustomerFinder</name>
    <message>
        <source>The customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>Special requests are not available.</source>
        <translation>专项事务申请功能不可用。</translation>
    </message>
    <message>
        <source>Name the fields to show in full.</source>
        <translation>请指定要完整显示的字段。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a protected (grade 1) field; it is shown without a request.</source>
        <translation>“%1”不是受保护（一级信息）字段；无需申请即可显示。</translation>
    </message>
    <message>
        <source>There is no approved, unexpired request to see %1 of customer %2 in full. File a special request (request full view) and wait for the branch manager&apos;s approval.</source>
        <translation>没有已批准且未过期的申请可完整查看客户 %2 的%1。请提交专项事务申请（申请类型：完整查看），并等待网点负责人批准。</translation>
    </message>
    <message>
        <source>The list position is not valid; start from the first page.</source>
        <translation>列表位置无效；请从第一页开始。</translation>
    </message>
    <message>
        <source>Type the full value to look up (exact match).</source>
        <translation>请输入要查询的完整值（精确匹配）。</translation>
    </message>
    <message>
        <source>The existence check works with the exact ID number, mobile or account number, not with names.</source>
        <translation>存在性核查只能使用完整的证件号码、手机号码或账号，不能使用姓名。</translation>
    </message>
    <message>
        <source>Type the full value to check (exact match).</source>
        <translation>请输入要核查的完整值（精确匹配）。</translation>
    </message>
    <message>
        <source>Type the customer&apos;s full name.</source>
        <translation>请输入客户的完整姓名。</translation>
    </message>
    <message>
        <source>Type the customer&apos;s full ID number.</source>
        <translation>请输入客户的完整证件号码。</translation>
    </message>
    <message>
        <source>State the purpose of the lookup (for example: verifying the customer at the counter).</source>
        <translation>请说明查询目的（例如：在柜面核实客户身份）。</translation>
    </message>
    <message>
        <source>Customer %1 is restricted (重点保密). File a restricted-access request and wait for the branch manager&apos;s approval.</source>
        <translation>客户 %1 为重点保密客户。请提交重点保密客户访问申请，并等待网点负责人批准。</translation>
    </message>
</context>
<context>
    <name>CustomerImport</name>
    <message>
        <source>No staff account has the login in the column &quot;Customer manager&quot;. Enter the login of an active customer manager (as used to sign in).</source>
        <translation>没有员工用户账户使用“客户经理”列中的登录名。请填写在用的客户经理的登录名（即其登录时使用的名称）。</translation>
    </message>
    <message>
        <source>The login in the column &quot;Customer manager&quot; is not an active customer manager account. Enter the login of the active customer manager who will be responsible for this customer.</source>
        <translation>“客户经理”列中的登录名不是在用的客户经理用户账户。请填写将负责该客户的在用客户经理的登录名。</translation>
    </message>
    <message>
        <source>Excel has turned this number into scientific notation (such as 6.2E+18), which loses digits. Format the column as Text in Excel, type the number again, save and import again.</source>
        <translation>Excel 已将此号码转换为科学记数法（如 6.2E+18），导致数字丢失。请在 Excel 中将该列设置为“文本”格式，重新输入号码，保存后重新导入。</translation>
    </message>
    <message>
        <source>The account&apos;s opening date must be a date written as YYYY-MM-DD.</source>
        <translation>账户的开户日期必须是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <source>An account type or opening date is filled in, but the account or card number is empty. Enter the number, or clear the account cells.</source>
        <translation>已填写账户类型或开户日期，但账号或卡号为空。请填写号码，或清空账户相关单元格。</translation>
    </message>
    <message>
        <source>Enter the login of the customer manager who will be responsible for this customer in the column &quot;Customer manager&quot;.</source>
        <translation>请在“客户经理”列中填写将负责该客户的客户经理的登录名。</translation>
    </message>
    <message>
        <source>You can import only customers you will be responsible for yourself: leave the column &quot;Customer manager&quot; empty or enter your own login. The branch manager can import customers for other customer managers.</source>
        <translation>您只能导入由您本人负责的客户：请将“客户经理”列留空，或填写您本人的登录名。网点负责人可以为其他客户经理导入客户。</translation>
    </message>
    <message>
        <source>The report file already exists and is not overwritten. Choose another name for the report, or move the old one away, then import again.</source>
        <translation>报告文件已存在，不会被覆盖。请为报告另选一个文件名，或将旧报告移走，然后重新导入。</translation>
    </message>
    <message>
        <source>The import file does not exist. Check the folder and the file name, then import again.</source>
        <translation>导入文件不存在。请检查文件夹和文件名，然后重新导入。</translation>
    </message>
    <message>
        <source>The import file could not be opened. Check that you may read it and that no other program locks it, then import again.</source>
        <translation>无法打开导入文件。请确认您有权读取该文件且没有其他程序锁定它，然后重新导入。</translation>
    </message>
    <message>
        <source>As branch manager, add the column &quot;Customer manager&quot; (客户经理) with the login of the customer manager responsible for each customer, then import again.</source>
        <translation>以网点负责人身份导入时，请添加“客户经理”（Customer manager）列，填写负责每位客户的客户经理的登录名，然后重新导入。</translation>
    </message>
    <message>
        <source>The report file could not be created. Choose a new file name in a folder you may write to, then import again.</source>
        <translation>无法创建报告文件。请在您有写入权限的文件夹中选择一个新文件名，然后重新导入。</translation>
    </message>
    <message>
        <source>Not saved: %1 The rows read together with this one were not saved either; import them again (rows already saved are refused as duplicates, so nothing is entered twice).</source>
        <translation>未保存：%1与此行一起读取的各行也均未保存；请重新导入这些行（已保存的行会作为重复记录被拒绝，因此不会重复录入）。</translation>
    </message>
    <message>
        <source>The import stopped: %1 The rows after those listed here were not read; import them again.</source>
        <translation>导入已停止：%1此处所列各行之后的行均未读取；请重新导入这些行。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>The file has a heading row but no customer rows: nothing was imported.</source>
        <translation>文件有标题行，但没有客户数据行：未导入任何内容。</translation>
    </message>
    <message>
        <source>BranchVault import report</source>
        <translation>BranchVault 导入报告</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Imported by</source>
        <translation>导入人</translation>
    </message>
    <message>
        <source>Imported at (UTC)</source>
        <translation>导入时间（UTC）</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Accepted (pending review)</source>
        <translation>已接受（待复核）</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>The report file could not be written (%1). The problems are listed here; copy them before closing.</source>
        <translation>无法写入报告文件（%1）。问题已在此列出；请在关闭前复制这些内容。</translation>
    </message>
    <message>
        <source>The summary of this import could not be written to the audit log (%1). Each imported record has its own audit row; tell the system administrator.</source>
        <translation>无法将本次导入的摘要写入审计日志（%1）。每条导入的记录都有各自的审计记录；请告知系统管理员。</translation>
    </message>
</context>
<context>
    <name>CustomerLabels</name>
    <message>
        <source>new record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n d %1</source>
        <translation>
            <numerusform>%n 天 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerOwnership</name>
    <message>
        <source>Give the reason for this change of customer manager (for example: staff change, leave, misconduct).</source>
        <translation>请填写更换客户经理的原因（例如：人员变动、休假、违规）。</translation>
    </message>
    <message>
        <source>The reason is too long (at most %1 characters). Shorten it.</source>
        <translation>原因过长（最多 %1 个字符）。请缩短。</translation>
    </message>
    <message>
        <source>Choose the customer manager who is to take the customer.</source>
        <translation>请选择接手该客户的客户经理。</translation>
    </message>
    <message>
        <source>The account %1 is not a customer manager. Choose a customer manager account.</source>
        <translation>用户账户 %1 不是客户经理。请选择客户经理用户账户。</translation>
    </message>
    <message>
        <source>The account %1 is frozen and cannot take customers. Choose an active customer manager.</source>
        <translation>用户账户 %1 已被冻结，不能接手客户。请选择在用的客户经理。</translation>
    </message>
    <message>
        <source>The custody end date must be today or a later date. Choose the last day of the custody.</source>
        <translation>托管结束日期必须是今天或之后的日期。请选择托管的最后一天。</translation>
    </message>
    <message>
        <source>The customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>Customer %1 is %2; only active or pending customers can be given to a customer manager.</source>
        <translation>客户 %1 的状态为 %2；只有状态正常或待复核的客户才能分配给客户经理。</translation>
    </message>
    <message>
        <source>Customer %1 already has an active customer manager (%2). Use transfer to move it permanently, or custody for a limited time.</source>
        <translation>客户 %1 已有在用的客户经理（%2）。如需永久移交，请使用移交（transfer）；如仅在限定期间内交由他人，请使用托管（custody）。</translation>
    </message>
    <message>
        <source>Customer %1 has no customer manager yet. Assign it instead.</source>
        <translation>客户 %1 尚无客户经理。请改用分配。</translation>
    </message>
    <message>
        <source>Customer %1 already belongs to %2. Choose another customer manager.</source>
        <translation>客户 %1 已归属 %2。请选择其他客户经理。</translation>
    </message>
    <message>
        <source>Customer %1 has no active customer manager, so there is nobody to return it to. Assign it first.</source>
        <translation>客户 %1 没有在用的客户经理，因此无法归还。请先分配客户经理。</translation>
    </message>
    <message>
        <source>%1 is already the customer manager of customer %2. The custodian must be another customer manager.</source>
        <translation>%1 已是客户 %2 的客户经理。托管人必须是其他客户经理。</translation>
    </message>
    <message>
        <source>Customer %1 is not in custody, so there is nothing to return.</source>
        <translation>客户 %1 未处于托管状态，因此无需归还。</translation>
    </message>
    <message>
        <source>Customer %1 has no customer manager to take it from. Assign it instead.</source>
        <translation>客户 %1 没有可从其处收回的客户经理。请改用分配。</translation>
    </message>
    <message>
        <source>%1 is already responsible for customer %2. Choose the customer manager who is to take it.</source>
        <translation>%1 已负责客户 %2。请选择接手该客户的客户经理。</translation>
    </message>
    <message>
        <source>Unknown kind of assignment.</source>
        <translation>未知的分配类型。</translation>
    </message>
    <message>
        <source>Give the reason why the customer keeps the current tier.</source>
        <translation>请说明该客户保持当前客户等级的原因。</translation>
    </message>
    <message>
        <source>There is no tier change %1.</source>
        <translation>不存在客户等级调整 %1。</translation>
    </message>
    <message>
        <source>Tier change %1 was already decided (%2).</source>
        <translation>客户等级调整 %1 已处理（%2）。</translation>
    </message>
    <message>
        <source>Customer %1 is %2; its tier can no longer change. Reject the tier change.</source>
        <translation>客户 %1 的状态为 %2；其客户等级已不能再调整。请驳回此客户等级调整。</translation>
    </message>
    <message>
        <source>The assets or tier of customer %1 changed after this tier change was computed. Reject it; a new change is computed at the next approved edit of the assets.</source>
        <translation>计算此客户等级调整之后，客户 %1 的资产或客户等级已发生变化。请驳回此调整；下次资产修改获批后将重新计算调整。</translation>
    </message>
    <message>
        <source>Tier change %1 was already decided.</source>
        <translation>客户等级调整 %1 已处理。</translation>
    </message>
    <message numerus="yes">
        <source>A custody lasts at most %n days. Choose an earlier end date, or transfer the customer permanently.</source>
        <translation>
            <numerusform>托管期限最长为 %n 天。请选择更早的结束日期，或将客户永久移交。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerRecordCommands</name>
    <message>
        <source>customer import needs the CSV file: customer import FILE.csv.</source>
        <translation>customer import 命令需要 CSV 文件：customer import FILE.csv。</translation>
    </message>
    <message>
        <source>--report needs the name of a new file for the import report.</source>
        <translation>--report 需要为导入报告指定一个新文件的名称。</translation>
    </message>
    <message>
        <source>Read %1 %</source>
        <translation>已读取 %1%</translation>
    </message>
    <message numerus="yes">
        <source>%n accepted (pending review)</source>
        <translation>
            <numerusform>接受 %n 行（待复核）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected.</source>
        <translation>
            <numerusform>拒绝 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Line %1, column %2 (%3): %4</source>
        <translation>第 %1 行 %2 列（%3）：%4</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Pending records: %1</source>
        <translation>待复核的记录：%1</translation>
    </message>
    <message>
        <source>Report written to %1.</source>
        <translation>报告已写入 %1。</translation>
    </message>
    <message>
        <source>No row of %1 was imported; correct the rows as listed (or in the report) and import the file again.</source>
        <translation>%1 中没有任何行被导入；请按所列问题（或报告中的问题）更正各行后，重新导入该文件。</translation>
    </message>
    <message>
        <source>customer close needs --reason TEXT (for example: the customer closed every account).</source>
        <translation>customer close 命令需要 --reason TEXT 参数（例如：客户已注销全部账户）。</translation>
    </message>
    <message>
        <source>Customer %1 is closed. Its record is kept for the retention period, then anonymised.</source>
        <translation>客户 %1 已关闭。其记录将在保留期限内保存，期满后匿名化。</translation>
    </message>
    <message>
        <source>customer return ends a custody early; it takes only the customer number (no --manager, --until-date or --reason).</source>
        <translation>customer return 用于提前结束托管；只需提供客户号（不接受 --manager、--until-date 或 --reason）。</translation>
    </message>
    <message>
        <source>customer %1 needs --manager LOGIN (the customer manager who takes the customer).</source>
        <translation>customer %1 命令需要 --manager LOGIN 参数（接手该客户的客户经理）。</translation>
    </message>
    <message>
        <source>customer custody needs --until-date YYYY-MM-DD: the last day of the custody (branch time).</source>
        <translation>customer custody 命令需要 --until-date YYYY-MM-DD 参数：托管的最后一天（网点时间）。</translation>
    </message>
    <message>
        <source>--until-date is for customer custody only.</source>
        <translation>--until-date 仅适用于 customer custody。</translation>
    </message>
    <message>
        <source>customer %1 needs --reason TEXT (for example: staff change, leave).</source>
        <translation>customer %1 命令需要 --reason TEXT 参数（例如：人员变动、休假）。</translation>
    </message>
    <message>
        <source>Customer %1 is assigned to %2.</source>
        <translation>客户 %1 已分配给 %2。</translation>
    </message>
    <message>
        <source>Customer %1 was transferred to %2.</source>
        <translation>客户 %1 已移交给 %2。</translation>
    </message>
    <message>
        <source>Customer %1 is in the custody of %2 until the end of %3 (branch time); then it returns to its customer manager by itself.</source>
        <translation>客户 %1 由 %2 托管至 %3 结束（网点时间）；到期后将自动归还原客户经理。</translation>
    </message>
    <message>
        <source>The custody of customer %1 ended; the customer is back with its customer manager.</source>
        <translation>客户 %1 的托管已结束；该客户已归还原客户经理。</translation>
    </message>
    <message>
        <source>Customer %1 was reclaimed for %2.</source>
        <translation>客户 %1 已收回并交给 %2。</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>Customer %1 has no assignments on record.</source>
        <translation>客户 %1 没有分配记录。</translation>
    </message>
    <message>
        <source>The import of %1 stopped: %2 The rows before it are pending records; import the file again when this is fixed (rows already saved are refused as duplicates).</source>
        <translation>%1 的导入已中止：%2 此前的行已成为待复核记录；问题解决后请重新导入该文件（已保存的行会作为重复记录被拒绝）。</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rows read</source>
        <translation>
            <numerusform>%1：已读取 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows of %1 were not imported; correct them as listed (or in the report) and import those rows again. The other rows are pending records.</source>
        <translation>
            <numerusform>%1 中有 %n 行未导入；请按所列问题（或报告中的问题）更正后，重新导入这些行。其他行已成为待复核的记录。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerRetention</name>
    <message>
        <source>Customer %1 is %2; only an active customer can be closed.</source>
        <translation>客户 %1 的状态为 %2；只能关闭状态正常的客户。</translation>
    </message>
    <message>
        <source>Give the reason for closing the customer (for example: the customer closed every account and ended the relationship).</source>
        <translation>请填写关闭该客户的原因（例如：客户已注销全部账户并终止业务关系）。</translation>
    </message>
    <message>
        <source>The reason has %1 characters; at most %2 are allowed. Shorten it.</source>
        <translation>原因有 %1 个字符，最多允许 %2 个。请缩短。</translation>
    </message>
    <message>
        <source>Customer %1 changed while it was being closed. Open it again and retry.</source>
        <translation>客户 %1 在关闭过程中发生了变化。请重新打开后重试。</translation>
    </message>
    <message>
        <source>Customer %1 is %2: no personal information about the customer is held any more, so there is no data-subject report to produce.</source>
        <translation>客户 %1 的状态为 %2：系统已不再保存该客户的个人信息，因此无需生成个人信息主体报告。</translation>
    </message>
    <message>
        <source>Special requests are not available, so the report cannot be made.</source>
        <translation>专项事务申请功能不可用，因此无法生成报告。</translation>
    </message>
    <message>
        <source>The data-subject report of customer %1 holds the customer&apos;s personal information in full. File a special request (type export, report &quot;data_subject&quot;, customer %1) and wait for the branch manager&apos;s approval; each approval makes one report.</source>
        <translation>客户 %1 的个人信息主体报告包含该客户完整的个人信息。请提交专项事务申请（类型：导出，报告：“data_subject”，客户：%1），并等待网点负责人批准；每次批准只能生成一份报告。</translation>
    </message>
    <message>
        <source>There is no customer %1 any more.</source>
        <translation>客户 %1 已不存在。</translation>
    </message>
</context>
<context>
    <name>CustomerReviewCommands</name>
    <message>
        <source>--after must be the number of a change: the list continues after it.</source>
        <translation>--after 必须是变更编号：列表从该变更之后继续。</translation>
    </message>
    <message>
        <source>No changes are waiting for approval.</source>
        <translation>没有等待批准的变更。</translation>
    </message>
    <message>
        <source>More changes may follow: continue with --after %1.</source>
        <translation>可能还有更多变更：请使用 --after %1 继续。</translation>
    </message>
    <message>
        <source>approvals approve needs the numbers of the changes (approvals list shows them); &quot;%1&quot; is not one.</source>
        <translation>approvals approve 命令需要变更编号（可用 approvals list 查看）；“%1”不是变更编号。</translation>
    </message>
    <message>
        <source>approvals approve needs the number of the change (approvals list shows it).</source>
        <translation>approvals approve 命令需要变更编号（可用 approvals list 查看）。</translation>
    </message>
    <message numerus="yes">
        <source>Approved: change %1.</source>
        <translation>
            <numerusform>已批准变更：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>approvals reject needs --reason TEXT: the maker is told what to correct.</source>
        <translation>approvals reject 命令需要 --reason TEXT 参数：用于告知经办人需要更正的内容。</translation>
    </message>
    <message>
        <source>Change %1 was rejected; the maker sees the reason.</source>
        <translation>变更 %1 已驳回；经办人可以看到驳回原因。</translation>
    </message>
    <message>
        <source>approvals needs a subcommand: list, approve or reject.</source>
        <translation>approvals 命令需要子命令：list、approve 或 reject。</translation>
    </message>
    <message>
        <source>Unknown approvals subcommand &quot;%1&quot;.</source>
        <translation>未知的 approvals 子命令“%1”。</translation>
    </message>
    <message>
        <source>No tier changes are waiting for confirmation.</source>
        <translation>没有待确认的客户等级调整。</translation>
    </message>
    <message>
        <source>tiers needs a subcommand: list, confirm or reject.</source>
        <translation>tiers 命令需要子命令：list、confirm 或 reject。</translation>
    </message>
    <message>
        <source>Unknown tiers subcommand &quot;%1&quot;.</source>
        <translation>未知的 tiers 子命令“%1”。</translation>
    </message>
    <message>
        <source>tier change</source>
        <translation>客户等级调整</translation>
    </message>
    <message>
        <source>tiers reject needs --reason TEXT: why the customer keeps the current tier.</source>
        <translation>tiers reject 命令需要 --reason TEXT 参数：说明客户为何保持当前等级。</translation>
    </message>
    <message>
        <source>tiers confirm takes no --reason.</source>
        <translation>tiers confirm 命令不接受 --reason 参数。</translation>
    </message>
    <message>
        <source>Tier change %1 was confirmed; the customer has the new tier.</source>
        <translation>客户等级调整 %1 已确认；客户已调整为新等级。</translation>
    </message>
    <message>
        <source>Tier change %1 was rejected; the customer keeps the current tier.</source>
        <translation>客户等级调整 %1 已驳回；客户保持当前等级。</translation>
    </message>
    <message>
        <source>No suspicious pairs.</source>
        <translation>没有可疑客户对。</translation>
    </message>
    <message>
        <source>suspicious needs a subcommand: list or clear.</source>
        <translation>suspicious 命令需要子命令：list 或 clear。</translation>
    </message>
    <message>
        <source>Unknown suspicious subcommand &quot;%1&quot;.</source>
        <translation>未知的 suspicious 子命令“%1”。</translation>
    </message>
    <message>
        <source>pair</source>
        <translation>可疑客户对</translation>
    </message>
    <message>
        <source>suspicious clear needs --reason TEXT: what the review found (for example: spouses share a phone).</source>
        <translation>suspicious clear 命令需要 --reason TEXT 参数：说明复查结果（例如：夫妻共用一个电话号码）。</translation>
    </message>
    <message>
        <source>Suspicious pair %1 was cleared.</source>
        <translation>可疑客户对 %1 已排除。</translation>
    </message>
    <message>
        <source>approvals approve needs --reason TEXT: what you checked before approving.</source>
        <translation>approvals approve 需要 --reason 文本：说明批准前核对了什么。</translation>
    </message>
    <message>
        <source>[re-key: %1]</source>
        <translation>[须重新录入：%1]</translation>
    </message>
</context>
<context>
    <name>CustomerService</name>
    <message>
        <source>There is no customer with this customer number. Check the number and try again.</source>
        <translation>没有与此客户号对应的客户。请检查客户号后重试。</translation>
    </message>
    <message>
        <source>Customer %1 is restricted (重点保密): only its own customer manager and the branch manager may see it. If your work needs it, file a restricted-access request.</source>
        <translation>客户 %1 为重点保密客户：仅其客户经理和网点负责人可以查看。如工作需要，请提交重点保密客户访问申请。</translation>
    </message>
    <message>
        <source>Customer %1 is not one of your customers. Ask its customer manager or the branch manager.</source>
        <translation>客户 %1 不是您名下的客户。请联系该客户的客户经理或网点负责人。</translation>
    </message>
</context>
<context>
    <name>CustomerStatus</name>
    <message>
        <source>pending approval</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>anonymised</source>
        <translation>已匿名化</translation>
    </message>
</context>
<context>
    <name>CustomerStore</name>
    <message>
        <source>The customer number counter is missing.</source>
        <translation>缺少客户号计数器。</translation>
    </message>
    <message>
        <source>There is no such customer.</source>
        <translation>没有该客户。</translation>
    </message>
</context>
<context>
    <name>CustomerValidator</name>
    <message>
        <source>There is no customer field &quot;%1&quot;.</source>
        <translation>不存在客户字段“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is kept by BranchVault and cannot be entered; use the ownership or tier functions to change it.</source>
        <translation>“%1”由 BranchVault 自动维护，不能录入；如需更改，请使用客户归属或客户等级功能。</translation>
    </message>
    <message>
        <source>The ID number is required. Copy it from the customer&apos;s identity document.</source>
        <translation>证件号码为必填项。请按客户身份证件上的号码填写。</translation>
    </message>
    <message>
        <source>The 15-digit ID number was upgraded to its 18-digit form.</source>
        <translation>15 位证件号码已升位为 18 位。</translation>
    </message>
    <message>
        <source>The sex is required (M or F).</source>
        <translation>性别为必填项（M 或 F）。</translation>
    </message>
    <message>
        <source>The birth date must be a date written as YYYY-MM-DD.</source>
        <translation>出生日期必须是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <source>The nationality has at most 40 characters.</source>
        <translation>国籍最多 40 个字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be one of: %2.</source>
        <translation>“%1”必须是以下值之一：%2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has at most 500 characters.</source>
        <translation>“%1”最多 500 个字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks as if it holds a PIN, CVV or password. BranchVault never stores customers&apos; authentication secrets: remove it.</source>
        <translation>“%1”中似乎含有 PIN、CVV 或密码。BranchVault 从不保存客户的身份验证机密信息：请将其删除。</translation>
    </message>
    <message>
        <source>Assets under management must be a whole amount in CNY, 0 or more.</source>
        <translation>管理资产规模必须是以人民币计的整数金额，且不小于 0。</translation>
    </message>
    <message>
        <source>The account type must be one of: %1.</source>
        <translation>账户类型必须是以下值之一：%1。</translation>
    </message>
    <message>
        <source>The account status must be one of: %1.</source>
        <translation>账户状态必须是以下值之一：%1。</translation>
    </message>
    <message>
        <source>An account cannot be opened in the future.</source>
        <translation>开户日期不能是未来的日期。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; seems to hold a full ID, mobile or card number. Keep such numbers in their own fields, or mask them here.</source>
        <translation>“%1”中似乎含有完整的证件号码、手机号码或卡号。请将这些号码填入各自的字段，或在此处将其屏蔽。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>SQLite error %1: %2</source>
        <translation>SQLite 错误 %1：%2</translation>
    </message>
    <message>
        <source>%1: the disk is full. Free some space and try again; the last change was not saved.</source>
        <translation>%1：磁盘已满。请释放部分空间后重试；最近一次更改未保存。</translation>
    </message>
    <message>
        <source>%1: the database or its folder is read-only. Make both writable for this user, or move the database to a writable folder.</source>
        <translation>%1：数据库或其所在文件夹为只读。请为当前用户开放两者的写权限，或将数据库移到可写的文件夹。</translation>
    </message>
    <message>
        <source>%1: the database file is damaged. Run &quot;branchvault-cli verify&quot; to see what is damaged, then restore the latest backup.</source>
        <translation>%1：数据库文件已损坏。请运行“branchvault-cli verify”查看损坏情况，然后还原最新的备份。</translation>
    </message>
    <message>
        <source>%1: the key does not open this file, or it is not a BranchVault database. Check that you chose the right file; unlock with the recovery passphrase if the key was changed.</source>
        <translation>%1：该密钥无法打开此文件，或此文件不是 BranchVault 数据库。请确认选择的文件正确；如果密钥已更换，请使用恢复口令解锁。</translation>
    </message>
    <message>
        <source>%1: the database is busy. Close other programs that use it and try again.</source>
        <translation>%1：数据库正忙。请关闭其他正在使用该数据库的程序后重试。</translation>
    </message>
    <message>
        <source>%1: the file could not be read or written. Check the disk and the file&apos;s permissions, then try again.</source>
        <translation>%1：无法读写该文件。请检查磁盘和文件权限，然后重试。</translation>
    </message>
    <message>
        <source>%1: the database reported an error. Note the details and tell the system administrator.</source>
        <translation>%1：数据库报告了错误。请记下详细信息并告知系统管理员。</translation>
    </message>
    <message>
        <source>The database key has the wrong length.</source>
        <translation>数据库密钥的长度不正确。</translation>
    </message>
    <message>
        <source>expected 32 bytes, got %1</source>
        <translation>应为 32 字节，实际为 %1 字节</translation>
    </message>
    <message>
        <source>There is no BranchVault database at %1. Choose the right file, or create a new database with &quot;branchvault-cli init&quot;.</source>
        <translation>%1 处没有 BranchVault 数据库。请选择正确的文件，或使用“branchvault-cli init”创建新数据库。</translation>
    </message>
    <message>
        <source>%1 is not a file. Choose the BranchVault database file.</source>
        <translation>%1 不是文件。请选择 BranchVault 数据库文件。</translation>
    </message>
    <message>
        <source>The database %1 cannot be read by this user. Ask the system administrator to fix the file&apos;s permissions.</source>
        <translation>当前用户无法读取数据库 %1。请联系系统管理员修正该文件的权限。</translation>
    </message>
    <message>
        <source>The database %1 is read-only. BranchVault writes its audit log on every use; make the file writable, or copy it to a writable folder.</source>
        <translation>数据库 %1 为只读。BranchVault 每次使用时都要写入审计日志；请将该文件设为可写，或将其复制到可写的文件夹。</translation>
    </message>
    <message>
        <source>A file already exists at %1. BranchVault never overwrites an existing file; choose another location or move the file away yourself.</source>
        <translation>%1 处已存在文件。BranchVault 从不覆盖已有文件；请选择其他位置，或自行将该文件移走。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Create it first, or choose another location.</source>
        <translation>文件夹 %1 不存在。请先创建该文件夹，或选择其他位置。</translation>
    </message>
    <message>
        <source>The folder %1 is read-only. The database needs a writable folder for its journal and lock file; make it writable or move the database.</source>
        <translation>文件夹 %1 为只读。数据库需要可写的文件夹来存放事务日志和锁文件；请将该文件夹设为可写，或移动数据库。</translation>
    </message>
    <message>
        <source>The database is in use by another BranchVault (process %1 on %2). Close that window or command first, then try again.</source>
        <translation>数据库正被另一个 BranchVault 使用（进程 %1，所在计算机：%2）。请先关闭该窗口或命令，然后重试。</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>The lock file beside the database cannot be created. Make the folder %1 writable.</source>
        <translation>无法在数据库旁创建锁文件。请将文件夹 %1 设为可写。</translation>
    </message>
    <message>
        <source>The lock file beside the database cannot be created. Check the disk and try again.</source>
        <translation>无法在数据库旁创建锁文件。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>The database could not be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>%1 is a database, but not a BranchVault database. Choose the BranchVault database file.</source>
        <translation>%1 是数据库，但不是 BranchVault 数据库。请选择 BranchVault 数据库文件。</translation>
    </message>
    <message>
        <source>This database was written by a newer BranchVault (schema %1; this program knows up to %2). Install the newer BranchVault; the database was not changed.</source>
        <translation>此数据库由较新版本的 BranchVault 写入（结构版本 %1；本程序最高支持 %2）。请安装较新版本的 BranchVault；数据库未被更改。</translation>
    </message>
    <message>
        <source>The database engine refused a required setting (%1). BranchVault stops to keep the data safe; tell the system administrator.</source>
        <translation>数据库引擎拒绝了一项必需的参数设置（%1）。为确保数据安全，BranchVault 已停止运行；请告知系统管理员。</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>应为 %1，实际为 %2</translation>
    </message>
    <message>
        <source>The schema migrations are not numbered one after another.</source>
        <translation>数据库结构迁移的编号不连续。</translation>
    </message>
    <message>
        <source>after %1 comes %2</source>
        <translation>%1 之后是 %2</translation>
    </message>
    <message>
        <source>A database statement could not be prepared</source>
        <translation>无法预编译数据库语句</translation>
    </message>
    <message>
        <source>A database statement failed</source>
        <translation>数据库语句执行失败</translation>
    </message>
    <message>
        <source>The journal could not be written into the database</source>
        <translation>无法将事务日志写回数据库</translation>
    </message>
    <message>
        <source>The copy of the database cannot be read</source>
        <translation>无法读取数据库副本</translation>
    </message>
    <message>
        <source>The file is a database, but not a BranchVault database.</source>
        <translation>该文件是数据库，但不是 BranchVault 数据库。</translation>
    </message>
    <message>
        <source>A file already exists at %1. Choose another name for the copy.</source>
        <translation>%1 处已存在文件。请为副本另选一个文件名。</translation>
    </message>
    <message>
        <source>The copy of the database could not be written</source>
        <translation>无法写入数据库副本</translation>
    </message>
    <message>
        <source>Creating the lock file beside the database</source>
        <translation>在数据库旁创建锁文件</translation>
    </message>
    <message>
        <source>Creating the database</source>
        <translation>创建数据库</translation>
    </message>
    <message>
        <source>The database was closed after a failed operation and could not be opened again. Nothing was lost; check the disk, then open the database again.</source>
        <translation>一次操作失败后数据库已关闭，且未能重新打开。没有丢失任何数据；请检查磁盘，然后重新打开数据库。</translation>
    </message>
    <message>
        <source>Checking the database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>The database file cannot be replaced inside a transaction.</source>
        <translation>不能在事务中替换数据库文件。</translation>
    </message>
    <message>
        <source>The database&apos;s journal could not be merged into the file, so the file was not replaced. Check the disk and try again.</source>
        <translation>数据库的事务日志未能并入文件，因此文件未被替换。请检查磁盘后重试。</translation>
    </message>
    <message>
        <source>Putting the re-encrypted database in place</source>
        <translation>将重新加密的数据库放到原位置</translation>
    </message>
    <message>
        <source>Flushing the database folder</source>
        <translation>将数据库文件夹写入磁盘</translation>
    </message>
    <message>
        <source>Schema step %1 has no SQLite text, so the database was not changed. Report this to the developers.</source>
        <translation>数据库结构第 %1 步没有 SQLite 语句，数据库未作更改。请报告开发人员。</translation>
    </message>
</context>
<context>
    <name>DraftService</name>
    <message numerus="yes">
        <source>This draft does not exist any more (it was restored and saved, discarded, or it expired after %n days). Fill in the form again.</source>
        <translation>
            <numerusform>此草稿已不存在（已恢复并保存、已丢弃，或已在 %n 天后过期）。请重新填写表单。</numerusform>
        </translation>
    </message>
    <message>
        <source>A draft of this form names the customer it is about. Open the customer and try again.</source>
        <translation>此类表单的草稿须注明所涉客户。请打开该客户后重试。</translation>
    </message>
    <message>
        <source>A draft of a new customer form names no customer.</source>
        <translation>新客户表单的草稿不注明客户。</translation>
    </message>
    <message>
        <source>The form is empty, so there is nothing to keep as a draft.</source>
        <translation>表单为空，没有可保存为草稿的内容。</translation>
    </message>
    <message>
        <source>The form holds more than %1 characters, more than a draft keeps. Save the form instead.</source>
        <translation>表单内容超过 %1 个字符，超出草稿可保存的长度。请直接保存表单。</translation>
    </message>
    <message>
        <source>This draft does not belong to the row it is stored in (the database file was altered). It is not restored; tell the system administrator.</source>
        <translation>此草稿与其存放的记录不符（数据库文件被改动过），因此不予恢复；请告知系统管理员。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Keychain not available</source>
        <translation>系统钥匙串不可用</translation>
    </message>
    <message>
        <source>Database key not found</source>
        <translation>未找到数据库密钥</translation>
    </message>
    <message>
        <source>Wrong key</source>
        <translation>密钥错误</translation>
    </message>
    <message>
        <source>Not a BranchVault database</source>
        <translation>不是 BranchVault 数据库</translation>
    </message>
    <message>
        <source>Damaged file</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>数据库正被占用</translation>
    </message>
    <message>
        <source>Newer database</source>
        <translation>数据库版本较新</translation>
    </message>
    <message>
        <source>Disk full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>Read-only location</source>
        <translation>存储位置只读</translation>
    </message>
    <message>
        <source>Not permitted</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <source>Check the input</source>
        <translation>请检查输入内容</translation>
    </message>
    <message>
        <source>Start-up check failed</source>
        <translation>启动自检未通过</translation>
    </message>
    <message>
        <source>BranchVault</source>
        <translation>BranchVault</translation>
    </message>
</context>
<context>
    <name>FieldCipher</name>
    <message>
        <source>A protected value is damaged and cannot be shown. Run &quot;branchvault-cli verify&quot; and tell the system administrator.</source>
        <translation>一项受保护字段值已损坏，无法显示。请运行“branchvault-cli verify”并告知系统管理员。</translation>
    </message>
    <message>
        <source>A protected value does not decrypt: it was altered, moved, or sealed with another key. Run &quot;branchvault-cli verify&quot; and tell the system administrator.</source>
        <translation>一项受保护字段值无法解密：它已被篡改、被移动，或是用其他密钥加密的。请运行“branchvault-cli verify”并告知系统管理员。</translation>
    </message>
    <message>
        <source>Customer information is locked: its keys are opened only by the password of a branch manager, customer manager or query clerk. Sign in with such an account (or unlock the locked session) and try again.</source>
        <translation>客户信息已锁定：其密钥只能由网点负责人、客户经理或查询员的密码打开。请以此类用户账户登录（或解锁已锁定的会话）后重试。</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
</context>
<context>
    <name>FreeText</name>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>password, PIN or CVV</source>
        <translation>密码、PIN 或 CVV</translation>
    </message>
    <message>
        <source>%1 at character %2</source>
        <translation>第 %2 个字符处的%1</translation>
    </message>
    <message>
        <source>%1 seems to contain protected data (%2). Free text must not hold full ID, mobile or card numbers, or a customer&apos;s password, PIN or CVV: mask them (keep only the masked form) or remove them, and save again.</source>
        <translation>%1似乎含有受保护的信息（%2）。自由文本中不得包含完整的证件号码、手机号码或卡号，也不得包含客户的密码、PIN 或 CVV：请将其屏蔽（只保留屏蔽后的形式）或删除，然后重新保存。</translation>
    </message>
</context>
<context>
    <name>FreeTextWarning</name>
    <message>
        <source>- %1 at character %2 (masked: %3)</source>
        <translation>- 第 %2 个字符处的%1（屏蔽后：%3）</translation>
    </message>
    <message>
        <source>Protected data in the text</source>
        <translation>文本中含有受保护信息</translation>
    </message>
    <message>
        <source>The text seems to contain:
%1

Free text must not hold full ID, mobile or card numbers, or a customer&apos;s password, PIN or CVV. Mask them (only the masked form is saved) and continue? Choose No to go back and edit the text.</source>
        <translation>文本中似乎含有：
%1

自由文本中不得包含完整的证件号码、手机号码或卡号，也不得包含客户的密码、PIN 或 CVV。是否屏蔽这些内容（只保存屏蔽后的形式）并继续？选择“否”返回修改文本。</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>该文本</translation>
    </message>
</context>
<context>
    <name>GuiMain</name>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>The language of the interface: zh_CN or en (default: the last one chosen, else the system language).</source>
        <translation>界面语言：zh_CN 或 en（默认：上次选择的语言，否则为系统语言）。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>BranchVault keeps a bank branch&apos;s personal-customer records encrypted on this workstation: masked by role, full access only after a second person&apos;s approval, every access in a tamper-evident audit log, controlled printing. branchvault-cli is its command-line front end.</source>
        <translation>BranchVault 将网点的个人客户信息加密保存在本终端上：按角色脱敏展示，完整查看须经第二人审批，每次访问都记入防篡改的审计日志，报表受控打印。branchvault-cli 是它的命令行工具。</translation>
    </message>
    <message>
        <source>branchvault: no display (DISPLAY and WAYLAND_DISPLAY are not set). Start it from a desktop session, or use branchvault-cli in a terminal.</source>
        <translation>branchvault：没有显示环境（未设置 DISPLAY 和 WAYLAND_DISPLAY）。请在桌面会话中启动，或在终端中使用 branchvault-cli。</translation>
    </message>
    <message>
        <source>The database file (default: %1). A workstation connected to a branch server works on the server unless this is given.</source>
        <translation>数据库文件（默认：%1）。已连接网点服务器的工作站，除非指定此项，否则在服务器上工作。</translation>
    </message>
</context>
<context>
    <name>HolidayCalendar</name>
    <message>
        <source>The calendar file is larger than %1 KiB; a year&apos;s calendar has about 40 lines. Check that this is the right file.</source>
        <translation>日历文件大于 %1 KiB，而一年的日历只有约 40 行。请确认文件是否正确。</translation>
    </message>
    <message>
        <source>The calendar file is not UTF-8 text. Save it as UTF-8 (CSV) and import it again.</source>
        <translation>日历文件不是 UTF-8 文本。请另存为 UTF-8（CSV）后重新导入。</translation>
    </message>
    <message>
        <source>the first line that is not a comment must be the header &quot;date,kind,name&quot;</source>
        <translation>第一个非注释行必须是表头“date,kind,name”</translation>
    </message>
    <message>
        <source>%1 fields instead of 3 (date,kind,name)</source>
        <translation>有 %1 个字段，应为 3 个（date,kind,name）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date in the form YYYY-MM-DD</source>
        <translation>“%1”不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>%1 is outside the years %2 to %3</source>
        <translation>%1 不在 %2 至 %3 年范围内</translation>
    </message>
    <message>
        <source>the kind &quot;%1&quot; is neither holiday nor workday</source>
        <translation>类型“%1”既不是 holiday（节假日）也不是 workday（调休工作日）</translation>
    </message>
    <message>
        <source>the name of the holiday is missing or longer than %1 characters</source>
        <translation>节日名称缺失或超过 %1 个字符</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 重复列出</translation>
    </message>
    <message>
        <source>%1 is a weekday: a make-up working day (workday) is a Saturday or Sunday</source>
        <translation>%1 是工作日：调休工作日（workday）应为周六或周日</translation>
    </message>
    <message>
        <source>there is no header line &quot;date,kind,name&quot;</source>
        <translation>缺少表头行“date,kind,name”</translation>
    </message>
    <message>
        <source>the file has no dates</source>
        <translation>文件中没有日期</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message numerus="yes">
        <source>The calendar file has %n problems; nothing was imported. Correct the file and import it again.</source>
        <translation>
            <numerusform>日历文件有 %n 处问题，未导入任何内容。请更正文件后重新导入。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdNumber</name>
    <message>
        <source>The ID type is not one BranchVault knows. Use one of: mainland_id, hk_macau_permit, taiwan_permit, foreign_permanent_residence, passport_cn, passport_foreign, other.</source>
        <translation>BranchVault 不支持该证件类型。请使用以下类型之一：mainland_id、hk_macau_permit、taiwan_permit、foreign_permanent_residence、passport_cn、passport_foreign、other。</translation>
    </message>
    <message>
        <source>Mainland resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Hong Kong/Macau residents&apos; travel or residence permit</source>
        <translation>港澳居民来往内地通行证或港澳居民居住证</translation>
    </message>
    <message>
        <source>Taiwan residents&apos; travel or residence permit</source>
        <translation>台湾居民来往大陆通行证或台湾居民居住证</translation>
    </message>
    <message>
        <source>Foreign permanent residence ID card</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Chinese passport</source>
        <translation>中国护照</translation>
    </message>
    <message>
        <source>Foreign passport</source>
        <translation>外国护照</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <source>The sex should be male (M) or female (F).</source>
        <translation>性别应为男（M）或女（F）。</translation>
    </message>
    <message>
        <source>Enter the ID number.</source>
        <translation>请输入证件号码。</translation>
    </message>
    <message>
        <source>The ID number should have 18 characters (15 on a first-generation card), not %1. Check the number on the ID card.</source>
        <translation>证件号码应为 18 位（第一代居民身份证为 15 位），而不是 %1 位。请核对居民身份证上的号码。</translation>
    </message>
    <message>
        <source>The ID number can contain only digits, with X allowed as the last character; character %1 is not a digit. Check the number on the document.</source>
        <translation>证件号码只能包含数字，仅最后一位可以是 X；第 %1 位不是数字。请核对证件上的号码。</translation>
    </message>
    <message>
        <source>The last character of the ID number should be a digit or X. Check the number on the document.</source>
        <translation>证件号码的最后一位应为数字或 X。请核对证件上的号码。</translation>
    </message>
    <message>
        <source>An 18-character number starting with 9 is a foreign permanent residence ID card, not a mainland ID card. Choose that ID type, or check the number on the ID card.</source>
        <translation>以 9 开头的 18 位号码属于外国人永久居留身份证，而不是居民身份证。请选择该证件类型，或核对居民身份证上的号码。</translation>
    </message>
    <message>
        <source>The first digit of the ID number (the region code) should be 1 to 8. Check the number on the ID card.</source>
        <translation>证件号码的第 1 位（地区码）应为 1 至 8。请核对居民身份证上的号码。</translation>
    </message>
    <message>
        <source>An 18-character residence permit number for Hong Kong or Macau residents starts with 810000 or 820000. Check the number on the permit, or choose the right ID type.</source>
        <translation>港澳居民居住证号码为 18 位，以 810000 或 820000 开头。请核对居住证上的号码，或选择正确的证件类型。</translation>
    </message>
    <message>
        <source>An 18-character residence permit number for Taiwan residents starts with 830000. Check the number on the permit, or choose the right ID type.</source>
        <translation>台湾居民居住证号码为 18 位，以 830000 开头。请核对居住证上的号码，或选择正确的证件类型。</translation>
    </message>
    <message>
        <source>An 18-character foreign permanent residence ID card number starts with 9. Check the number on the card, or choose the right ID type.</source>
        <translation>外国人永久居留身份证号码为 18 位，以 9 开头。请核对证件上的号码，或选择正确的证件类型。</translation>
    </message>
    <message>
        <source>The birth date in the ID number (characters 7 to 14) does not exist. Check the number on the document.</source>
        <translation>证件号码中的出生日期（第 7 至 14 位）不是有效日期。请核对证件上的号码。</translation>
    </message>
    <message>
        <source>The birth date in the ID number (characters 7 to 14) is before 1900. Check the number on the document.</source>
        <translation>证件号码中的出生日期（第 7 至 14 位）早于 1900 年。请核对证件上的号码。</translation>
    </message>
    <message>
        <source>The birth date in the ID number (characters 7 to 14) is in the future. Check the number on the document.</source>
        <translation>证件号码中的出生日期（第 7 至 14 位）是未来的日期。请核对证件上的号码。</translation>
    </message>
    <message>
        <source>The sex does not match the ID number, whose 17th digit is odd for men and even for women. Correct the sex, or check the number on the document.</source>
        <translation>性别与证件号码不符：证件号码第 17 位男性为奇数、女性为偶数。请更正性别，或核对证件上的号码。</translation>
    </message>
    <message>
        <source>A 15-character ID number (first-generation card) has digits only; character %1 is not a digit. Check the number on the ID card.</source>
        <translation>15 位证件号码（第一代居民身份证）只能包含数字；第 %1 位不是数字。请核对居民身份证上的号码。</translation>
    </message>
    <message>
        <source>The birth date in the 15-character ID number (characters 7 to 12) does not exist. Check the number on the ID card.</source>
        <translation>15 位证件号码中的出生日期（第 7 至 12 位）不是有效日期。请核对居民身份证上的号码。</translation>
    </message>
    <message>
        <source>The birth date in the 15-character ID number (characters 7 to 12) is in the future. Check the number on the ID card.</source>
        <translation>15 位证件号码中的出生日期（第 7 至 12 位）是未来的日期。请核对居民身份证上的号码。</translation>
    </message>
    <message>
        <source>The sex does not match the ID number, whose last digit is odd for men and even for women. Correct the sex, or check the number on the ID card.</source>
        <translation>性别与证件号码不符：证件号码最后一位男性为奇数、女性为偶数。请更正性别，或核对居民身份证上的号码。</translation>
    </message>
    <message>
        <source>A Hong Kong or Macau travel permit number is H or M followed by 8 digits (10 with the issue count); a residence permit number has 18 characters starting with 810000 or 820000. Check the number on the permit.</source>
        <translation>港澳居民来往内地通行证号码为 H 或 M 加 8 位数字（含换证次数时为 10 位数字）；港澳居民居住证号码为 18 位，以 810000 或 820000 开头。请核对证件上的号码。</translation>
    </message>
    <message>
        <source>A Taiwan travel permit number has 8 digits (on older permits followed by a one- or two-character issue code); a residence permit number has 18 characters starting with 830000. Check the number on the permit.</source>
        <translation>台湾居民来往大陆通行证号码为 8 位数字（旧版通行证其后还有 1 至 2 位换证次数代码）；台湾居民居住证号码为 18 位，以 830000 开头。请核对证件上的号码。</translation>
    </message>
    <message>
        <source>A foreign permanent residence ID card number has 18 characters starting with 9 (cards issued since December 2023), or 3 letters followed by 12 digits (earlier cards). Check the number on the card.</source>
        <translation>外国人永久居留身份证号码为 18 位，以 9 开头（2023 年 12 月起签发的证件），或为 3 个字母加 12 位数字（此前签发的证件）。请核对证件上的号码。</translation>
    </message>
    <message>
        <source>A Chinese passport number is E followed by 8 digits, E and a letter followed by 7 digits, or G followed by 8 digits (diplomatic and service passports: D, S or P, an optional E and 7 digits). Check the number on the passport&apos;s photo page.</source>
        <translation>中国护照号码为 E 加 8 位数字、E 加一个字母再加 7 位数字，或 G 加 8 位数字（外交护照和公务护照：D、S 或 P，可再加一个 E，然后是 7 位数字）。请核对护照资料页上的号码。</translation>
    </message>
    <message>
        <source>A passport number can contain only Latin letters and digits. Check the number on the passport&apos;s photo page.</source>
        <translation>护照号码只能包含拉丁字母和数字。请核对护照资料页上的号码。</translation>
    </message>
    <message>
        <source>A passport number should have 5 to 17 letters and digits, not %1. Check the number on the passport&apos;s photo page.</source>
        <translation>护照号码应为 5 至 17 位字母和数字，而不是 %1 位。请核对护照资料页上的号码。</translation>
    </message>
    <message>
        <source>A passport number contains at least one digit; this looks like a name. Check the number on the passport&apos;s photo page.</source>
        <translation>护照号码至少包含一位数字；当前输入看起来像是姓名。请核对护照资料页上的号码。</translation>
    </message>
    <message>
        <source>The document number can have at most %1 characters, not %2.</source>
        <translation>证件号码最多 %1 个字符，而不是 %2 个。</translation>
    </message>
    <message>
        <source>The document number contains a control or unprintable character. Retype the number.</source>
        <translation>证件号码含有控制字符或不可打印字符。请重新输入号码。</translation>
    </message>
    <message>
        <source>ID number: the first six digits show a residence permit for %1 residents, not a mainland ID card. Choose the ID type &quot;%2&quot; and enter the number again.</source>
        <translation>证件号码：前六位数字表明这是%1居民居住证，而不是居民身份证。请选择证件类型“%2”，然后重新输入号码。</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>台湾</translation>
    </message>
    <message>
        <source>Hong Kong or Macau</source>
        <translation>港澳</translation>
    </message>
    <message>
        <source>The ID number does not add up: its check character (the 18th) does not fit the other 17. Any of the 18 characters may be mistyped, not only the last one: compare the whole number with the document, character by character.</source>
        <translation>证件号码校验不通过：第 18 位校验码与前 17 位对不上。18 位中任何一位都可能输错，不一定是最后一位：请将完整号码与证件逐位核对。</translation>
    </message>
</context>
<context>
    <name>KeyEnvelope</name>
    <message>
        <source>The key envelope beside the database is damaged. Restore it from a backup (branchvault-cli restore), or use the computer whose keychain still holds the key.</source>
        <translation>数据库旁的密钥信封已损坏。请从备份中还原（branchvault-cli restore），或使用系统钥匙串中仍保存有该密钥的计算机。</translation>
    </message>
    <message>
        <source>Not enough memory to derive the recovery key. Close other programs and try again.</source>
        <translation>内存不足，无法由恢复口令派生密钥。请关闭其他程序后重试。</translation>
    </message>
    <message>
        <source>a key slot has the wrong size</source>
        <translation>某个密钥槽的大小不正确</translation>
    </message>
    <message>
        <source>a key slot does not decrypt</source>
        <translation>某个密钥槽无法解密</translation>
    </message>
    <message>
        <source>a key slot holds no key material</source>
        <translation>某个密钥槽中没有密钥材料</translation>
    </message>
    <message>
        <source>a key slot does not match its key-check value</source>
        <translation>某个密钥槽与其密钥校验值不符</translation>
    </message>
    <message>
        <source>The recovery passphrase does not belong to this database. Check that you have the recovery sheet of this database and type it again.</source>
        <translation>该恢复口令不属于此数据库。请确认您持有的是此数据库的恢复口令单，然后重新输入。</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1</source>
        <translation>偏移量 %1 处不是有效的 JSON</translation>
    </message>
    <message>
        <source>The file beside the database is not a BranchVault key envelope. Restore the envelope from a backup.</source>
        <translation>数据库旁的文件不是 BranchVault 密钥信封。请从备份中还原密钥信封。</translation>
    </message>
    <message>
        <source>The key envelope was written by a newer BranchVault. Install the newer version.</source>
        <translation>该密钥信封由较新版本的 BranchVault 写入。请安装该新版本。</translation>
    </message>
    <message>
        <source>its checksum does not match</source>
        <translation>其校验和不符</translation>
    </message>
    <message>
        <source>unknown key derivation</source>
        <translation>未知的密钥派生方法</translation>
    </message>
    <message>
        <source>implausible parameters</source>
        <translation>参数不合理</translation>
    </message>
    <message>
        <source>the key slot is missing</source>
        <translation>缺少密钥槽</translation>
    </message>
    <message>
        <source>The key envelope %1 is missing. Without it the recovery passphrase cannot unlock the database; restore it from a backup.</source>
        <translation>密钥信封 %1 缺失。没有密钥信封，恢复口令无法解锁数据库；请从备份中还原。</translation>
    </message>
    <message>
        <source>The key envelope %1 cannot be read. Check the file&apos;s permissions.</source>
        <translation>无法读取密钥信封 %1。请检查该文件的权限。</translation>
    </message>
    <message>
        <source>the file is too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <source>The recovery key derivation parameters are damaged.</source>
        <translation>恢复密钥的派生参数已损坏。</translation>
    </message>
</context>
<context>
    <name>KeyMaterial</name>
    <message>
        <source>The stored database key is damaged or belongs to another program. Unlock with the recovery passphrase (branchvault-cli unlock) to store it again.</source>
        <translation>保存的数据库密钥已损坏或属于其他程序。请使用恢复口令解锁（branchvault-cli unlock），以重新保存密钥。</translation>
    </message>
</context>
<context>
    <name>KeyRotation</name>
    <message>
        <source>The keys cannot be rotated inside a transaction.</source>
        <translation>不能在事务中进行密钥轮换。</translation>
    </message>
    <message>
        <source>The key envelope does not match the open database, so a rotation could strand the recovery passphrase. Run &quot;branchvault-cli verify&quot; first.</source>
        <translation>密钥信封与已打开的数据库不匹配，此时进行密钥轮换可能导致恢复口令失效。请先运行“branchvault-cli verify”。</translation>
    </message>
    <message>
        <source>Rotating the keys needs about %1 MiB of free space beside the database for a re-encrypted copy; %2 MiB are free. Free some space and try again. Nothing was changed.</source>
        <translation>密钥轮换需要在数据库旁约 %1 MiB 的可用空间来存放重新加密的副本；当前可用 %2 MiB。请腾出空间后重试。未做任何更改。</translation>
    </message>
    <message>
        <source>The database failed its integrity check, so its keys were not rotated. Run &quot;branchvault-cli verify&quot; to see what is damaged, then restore the latest backup. Nothing was changed.</source>
        <translation>数据库未通过完整性检查，因此未轮换密钥。请运行“branchvault-cli verify”查看损坏之处，然后还原最近的备份。未做任何更改。</translation>
    </message>
    <message>
        <source>The key rotation failed and was undone: %1 Nothing was lost: the database still opens with its current key and with the recovery passphrase.</source>
        <translation>密钥轮换失败，已撤销：%1 没有丢失任何数据：数据库仍可用当前密钥和恢复口令打开。</translation>
    </message>
    <message>
        <source>The key rotation could not start: %1 Nothing was changed.</source>
        <translation>密钥轮换未能开始：%1 未做任何更改。</translation>
    </message>
    <message>
        <source>The re-encrypted copy did not read back correctly with the new key.</source>
        <translation>用新密钥回读重新加密的副本时校验未通过。</translation>
    </message>
    <message>
        <source>The key rotation was interrupted: %1 Nothing was lost: the database still opens with its current key and with the recovery passphrase; open it again to finish tidying up.</source>
        <translation>密钥轮换已中断：%1 没有丢失任何数据：数据库仍可用当前密钥和恢复口令打开；重新打开数据库即可完成清理。</translation>
    </message>
    <message>
        <source>The database now uses its new key, but the key rotation could not be finished: %1 Nothing was lost: this computer&apos;s keychain and the recovery passphrase both still open it. Open the database again (or run &quot;branchvault-cli verify&quot;) to finish the rotation.</source>
        <translation>数据库已改用新密钥，但密钥轮换未能完成：%1 没有丢失任何数据：本机系统钥匙串和恢复口令都仍能打开数据库。请重新打开数据库（或运行“branchvault-cli verify”）以完成轮换。</translation>
    </message>
    <message>
        <source>The key that opened the database is in neither slot of its key envelope. Run &quot;branchvault-cli verify&quot;; nothing was changed.</source>
        <translation>打开数据库的密钥不在其密钥信封的任何一个槽位中。请运行“branchvault-cli verify”；未做任何更改。</translation>
    </message>
</context>
<context>
    <name>KeySlots</name>
    <message>
        <source>A key slot is damaged. Run &quot;branchvault-cli verify&quot;.</source>
        <translation>密钥槽已损坏。请运行“branchvault-cli verify”。</translation>
    </message>
    <message>
        <source>Not enough memory to open the key slot. Close other programs and try again.</source>
        <translation>内存不足，无法打开密钥槽。请关闭其他程序后重试。</translation>
    </message>
    <message>
        <source>The key slot cannot be written: this session holds no customer-information keys.</source>
        <translation>无法写入密钥槽：此会话未持有客户信息密钥。</translation>
    </message>
    <message>
        <source>This account has no key slot of that kind.</source>
        <translation>此用户账户没有该类型的密钥槽。</translation>
    </message>
    <message>
        <source>The confirmation code is wrong. Type the code the branch manager gave you with this account, in full.</source>
        <translation>确认码错误。请完整输入网点负责人为此用户账户交给您的确认码。</translation>
    </message>
    <message>
        <source>The password does not open this account&apos;s key slot.</source>
        <translation>该密码无法打开此用户账户的密钥槽。</translation>
    </message>
    <message>
        <source>The recovery key slot cannot be written: no keys or no public key.</source>
        <translation>无法写入恢复密钥槽：没有密钥或公钥。</translation>
    </message>
    <message>
        <source>The database has no recovery key slot yet: a branch manager&apos;s first sign-in writes it.</source>
        <translation>数据库尚无恢复密钥槽：网点负责人首次登录时将写入。</translation>
    </message>
    <message>
        <source>The recovery key slot is damaged. Run &quot;branchvault-cli verify&quot;.</source>
        <translation>恢复密钥槽已损坏。请运行“branchvault-cli verify”。</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>the system keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>The system keychain is not available (%1). Sign in to the desktop so the keychain is unlocked, or unlock the database with the recovery passphrase (branchvault-cli unlock).</source>
        <translation>系统钥匙串不可用（%1）。请登录桌面以解锁系统钥匙串，或使用恢复口令解锁数据库（branchvault-cli unlock）。</translation>
    </message>
    <message>
        <source>no answer within %1 seconds; it may be locked</source>
        <translation>%1 秒内无响应，可能已锁定</translation>
    </message>
    <message>
        <source>no keychain service is running</source>
        <translation>没有正在运行的钥匙串服务</translation>
    </message>
    <message>
        <source>access was denied</source>
        <translation>访问被拒绝</translation>
    </message>
    <message>
        <source>not supported on this system</source>
        <translation>本系统不支持</translation>
    </message>
    <message>
        <source>the keychain reported an error</source>
        <translation>钥匙串报告了错误</translation>
    </message>
    <message>
        <source>The database key is not in this computer&apos;s keychain. Unlock the database with the recovery passphrase (branchvault-cli unlock).</source>
        <translation>本机系统钥匙串中没有数据库密钥。请使用恢复口令解锁数据库（branchvault-cli unlock）。</translation>
    </message>
    <message>
        <source>Your login keyring is locked, so the database key cannot be read. Unlock your login keyring (sign in to the desktop again, or unlock &quot;Login&quot; in the Passwords and Keys application), then try again.</source>
        <translation>您的登录密钥环已锁定，无法读取数据库密钥。请解锁登录密钥环（重新登录桌面，或在“密码和密钥”应用中解锁“登录”），然后重试。</translation>
    </message>
</context>
<context>
    <name>Keyring</name>
    <message>
        <source>The field-encryption keys stored in the database cannot be unwrapped with this key. Run &quot;branchvault-cli verify&quot;; if it reports damage, restore the latest backup.</source>
        <translation>数据库中保存的字段密钥无法用此密钥解封装。请运行“branchvault-cli verify”；如报告有损坏，请还原最新的备份。</translation>
    </message>
    <message>
        <source>Reading the field-encryption keys</source>
        <translation>读取字段加密密钥</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>系统语言(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MaskSettings</name>
    <message>
        <source>Phone numbers: digits shown at the start</source>
        <translation>电话号码：开头显示的位数</translation>
    </message>
    <message>
        <source>Phone numbers: digits shown at the end</source>
        <translation>电话号码：末尾显示的位数</translation>
    </message>
    <message>
        <source>Mainland ID numbers: characters shown at the start</source>
        <translation>居民身份证号码：开头显示的位数</translation>
    </message>
    <message>
        <source>Other ID numbers: characters shown at the start</source>
        <translation>其他证件号码：开头显示的位数</translation>
    </message>
    <message>
        <source>Account and card numbers: digits shown at the start</source>
        <translation>账号和卡号：开头显示的位数</translation>
    </message>
    <message>
        <source>Account and card numbers: digits shown at the end</source>
        <translation>账号和卡号：末尾显示的位数</translation>
    </message>
    <message>
        <source>Addresses: characters shown at the start</source>
        <translation>地址：开头显示的字数</translation>
    </message>
    <message>
        <source>E-mail addresses: characters of the name shown</source>
        <translation>电子邮箱：用户名部分显示的字符数</translation>
    </message>
    <message>
        <source>the middle 4 digits of an 11-digit mobile number must stay hidden.</source>
        <translation>11 位手机号码的中间 4 位必须隐藏。</translation>
    </message>
    <message>
        <source>the last 4 characters of an ID number must stay hidden, also on 8-character documents such as the Taiwan residents&apos; permit.</source>
        <translation>证件号码的最后 4 位必须隐藏，8 位的证件（如台湾居民来往大陆通行证）也不例外。</translation>
    </message>
    <message>
        <source>the middle 4 digits of a 16-digit card number must stay hidden.</source>
        <translation>16 位卡号的中间 4 位必须隐藏。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has the value &quot;%2&quot;, which is not a whole number. Enter the number of characters to show, for example %3.</source>
        <translation>“%1”的值“%2”不是整数。请输入要显示的字符数，例如 %3。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2) is set to %3, but at most %4 may be shown (allowed: 0 to %4): %5 This is a regulatory floor. Set it to %4 or less.</source>
        <translation>“%1”（%2）设为 %3，但最多只能显示 %4 位（允许范围：0 至 %4）：%5这是监管下限。请设为 %4 或更小的值。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2) is set to %3, but a mask width cannot be negative (allowed: 0 to %4). Set it to 0 or more.</source>
        <translation>“%1”（%2）设为 %3，但脱敏宽度不能为负数（允许范围：0 至 %4）。请设为 0 或更大的值。</translation>
    </message>
    <message>
        <source>the birth date (from the 7th character) and the last 4 characters of a mainland ID number must stay hidden.</source>
        <translation>居民身份证号码中的出生日期（自第 7 位起）和最后 4 位必须隐藏。</translation>
    </message>
    <message>
        <source>an address shows at most its first 6 characters (province, city and district).</source>
        <translation>地址最多显示前 6 个字（省、市、区）。</translation>
    </message>
    <message>
        <source>an e-mail address shows at most the first character of its name.</source>
        <translation>电子邮箱最多显示用户名的第一个字符。</translation>
    </message>
</context>
<context>
    <name>OnTheSpot</name>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>Change %1 of customer %2 (%3), made by %4</source>
        <translation>客户 %2 的变更 %1（%3），经办人 %4</translation>
    </message>
    <message>
        <source>Customers: %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <source>Fields: %1</source>
        <translation>字段：%1</translation>
    </message>
    <message>
        <source>Report: %1</source>
        <translation>报表：%1</translation>
    </message>
    <message>
        <source>Purpose: %1</source>
        <translation>目的：%1</translation>
    </message>
    <message numerus="yes">
        <source>Validity: %n hours</source>
        <translation>
            <numerusform>有效期：%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>Request %1 (%2) by %3</source>
        <translation>专项事务申请 %1（%2），申请人 %3</translation>
    </message>
    <message>
        <source>C&amp;onfirm</source>
        <translation>确认(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>驳回(&amp;D)</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation>变更：%1</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>角色：%1</translation>
    </message>
    <message>
        <source>Account %1 (%2)</source>
        <translation>账户 %1（%2）</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>change the own password</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <source>manage the own second factor</source>
        <translation>管理本人的第二验证因素</translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation>管理用户账户</translation>
    </message>
    <message>
        <source>list staff accounts</source>
        <translation>查看用户账户列表</translation>
    </message>
    <message>
        <source>read the settings</source>
        <translation>查看设置项</translation>
    </message>
    <message>
        <source>change the settings</source>
        <translation>修改设置项</translation>
    </message>
    <message>
        <source>back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>restore the database</source>
        <translation>还原数据库</translation>
    </message>
    <message>
        <source>rotate the keys</source>
        <translation>轮换密钥</translation>
    </message>
    <message>
        <source>verify the database</source>
        <translation>校验数据库</translation>
    </message>
    <message>
        <source>view counts</source>
        <translation>查看统计数字</translation>
    </message>
    <message>
        <source>read the audit log</source>
        <translation>查阅审计日志</translation>
    </message>
    <message>
        <source>verify the audit log</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <source>export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>export an audit checkpoint</source>
        <translation>导出审计检查点</translation>
    </message>
    <message>
        <source>view audit alerts</source>
        <translation>查看审计告警</translation>
    </message>
    <message>
        <source>purge old audit rows</source>
        <translation>清除过期的审计记录</translation>
    </message>
    <message>
        <source>file a special request</source>
        <translation>提交专项事务申请</translation>
    </message>
    <message>
        <source>list the own special requests</source>
        <translation>查看本人的专项事务申请列表</translation>
    </message>
    <message>
        <source>list all special requests</source>
        <translation>查看全部专项事务申请列表</translation>
    </message>
    <message>
        <source>approve or reject special requests</source>
        <translation>批准或驳回专项事务申请</translation>
    </message>
    <message>
        <source>revoke grants</source>
        <translation>撤销授权</translation>
    </message>
    <message>
        <source>enter new customers</source>
        <translation>录入新客户</translation>
    </message>
    <message>
        <source>edit customers</source>
        <translation>编辑客户信息</translation>
    </message>
    <message>
        <source>open customer records</source>
        <translation>打开客户记录</translation>
    </message>
    <message>
        <source>list the own portfolio</source>
        <translation>查看本人名下客户列表</translation>
    </message>
    <message>
        <source>list the branch&apos;s customers</source>
        <translation>查看本网点客户列表</translation>
    </message>
    <message>
        <source>look up customers across the branch</source>
        <translation>在全网点范围内查询客户</translation>
    </message>
    <message>
        <source>check whether a customer exists</source>
        <translation>查询客户是否存在</translation>
    </message>
    <message>
        <source>look up one customer by name and ID number</source>
        <translation>按姓名和证件号码查询单个客户</translation>
    </message>
    <message>
        <source>see full values</source>
        <translation>查看明文</translation>
    </message>
    <message>
        <source>approve entries and edits</source>
        <translation>批准客户信息的录入和修改</translation>
    </message>
    <message>
        <source>assign customers to managers</source>
        <translation>将客户分配给客户经理</translation>
    </message>
    <message>
        <source>review suspicious records</source>
        <translation>复查可疑记录</translation>
    </message>
    <message>
        <source>confirm tier changes</source>
        <translation>确认客户等级调整</translation>
    </message>
    <message>
        <source>record services</source>
        <translation>登记服务记录</translation>
    </message>
    <message>
        <source>handle complaints</source>
        <translation>处理投诉</translation>
    </message>
    <message>
        <source>view the branch&apos;s complaints</source>
        <translation>查看本网点的投诉</translation>
    </message>
    <message>
        <source>record consent</source>
        <translation>登记客户同意</translation>
    </message>
    <message>
        <source>close customers</source>
        <translation>关闭客户</translation>
    </message>
    <message>
        <source>import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>produce a data-subject report</source>
        <translation>生成个人信息主体报告</translation>
    </message>
    <message>
        <source>view the reassignment list</source>
        <translation>查看待重新分配客户清单</translation>
    </message>
    <message>
        <source>print controlled reports</source>
        <translation>打印受控报表</translation>
    </message>
    <message>
        <source>record the destruction of printouts</source>
        <translation>登记打印件的销毁情况</translation>
    </message>
    <message>
        <source>confirm staff account changes</source>
        <translation>确认员工用户账户变更</translation>
    </message>
    <message>
        <source>run reports</source>
        <translation>运行报表</translation>
    </message>
    <message>
        <source>view the print register</source>
        <translation>查看打印登记簿</translation>
    </message>
    <message>
        <source>record who received, borrowed or returned a printout</source>
        <translation>登记打印件的签收、借阅和归还</translation>
    </message>
    <message>
        <source>trace a printout</source>
        <translation>追溯打印件</translation>
    </message>
</context>
<context>
    <name>PageMarks</name>
    <message>
        <source>PREVIEW — not a controlled copy</source>
        <translation>预览——非受控副本</translation>
    </message>
    <message>
        <source>Serial %1 · %2</source>
        <translation>序列号 %1 · %2</translation>
    </message>
    <message>
        <source>Branch: %1</source>
        <translation>网点：%1</translation>
    </message>
    <message>
        <source>Printed by: %1</source>
        <translation>打印人：%1</translation>
    </message>
    <message>
        <source>Printed at: %1</source>
        <translation>打印时间：%1</translation>
    </message>
    <message>
        <source>Valid until: %1</source>
        <translation>有效期至：%1</translation>
    </message>
    <message>
        <source>Run by: %1</source>
        <translation>生成人：%1</translation>
    </message>
    <message>
        <source>Run at: %1</source>
        <translation>生成时间：%1</translation>
    </message>
    <message>
        <source>No serial number: not registered in the print register</source>
        <translation>无序列号：未在打印登记簿中登记</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Controlled document — do not copy it or leave it unattended. The person who receives it signs for it; lending is recorded and may not exceed three days; when it is no longer needed or its period of use ends, it is destroyed under supervision and the destruction is recorded.</source>
        <translation>受控文件——请勿复印，请勿无人看管。接收人须签收；借阅须登记，且不得超过三天；不再需要或使用期限届满时，须在监督下销毁，并登记销毁记录。</translation>
    </message>
    <message>
        <source>Preview on screen only — not a controlled copy. Print it or save it as PDF to get a registered copy with a serial number and a QR code on every page.</source>
        <translation>仅供屏幕预览——非受控副本。打印或另存为 PDF 后，才能得到已登记、每页带有序列号和二维码的副本。</translation>
    </message>
    <message>
        <source>The page code of page %1 does not fit in a QR code.</source>
        <translation>第 %1 页的页面代码超出二维码容量。</translation>
    </message>
</context>
<context>
    <name>PairStatus</name>
    <message>
        <source>to review</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>已排除</translation>
    </message>
</context>
<context>
    <name>PasswordHasher</name>
    <message>
        <source>The new password is too short: it needs at least %1 characters.</source>
        <translation>新密码过短：至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>The new password is too long: at most %1 characters.</source>
        <translation>新密码过长：最多 %1 个字符。</translation>
    </message>
    <message>
        <source>The new password needs both letters and digits.</source>
        <translation>新密码必须同时包含字母和数字。</translation>
    </message>
    <message>
        <source>Not enough memory to protect the password. Close other programs and try again.</source>
        <translation>内存不足，无法对密码进行保护处理。请关闭其他程序后重试。</translation>
    </message>
    <message>
        <source>A stored password hash is not in the form this program reads. Ask the administrator to check the branch server.</source>
        <translation>保存的密码散列格式无法识别。请系统管理员检查网点服务器。</translation>
    </message>
</context>
<context>
    <name>PasswordRule</name>
    <message numerus="yes">
        <source>At least %1 characters with letters and digits; your last %n passwords cannot be used again.</source>
        <translation>
            <numerusform>至少 %1 个字符，须包含字母和数字；不能使用最近 %n 次用过的密码。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This password was used recently. Choose one that differs from your last %n passwords.</source>
        <translation>
            <numerusform>此密码近期已使用过。请选择一个与最近 %n 个密码均不同的密码。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfTextLayer</name>
    <message>
        <source>The PDF file could not be read back to finish it (%1). Check the folder, then save the PDF again.</source>
        <translation>无法读回 PDF 文件以完成处理（%1）。请检查该文件夹，然后重新保存 PDF。</translation>
    </message>
    <message>
        <source>The PDF file could not be finished (%1). Check the free space and the folder, then save the PDF again.</source>
        <translation>无法完成 PDF 文件（%1）。请检查剩余空间和该文件夹，然后重新保存 PDF。</translation>
    </message>
</context>
<context>
    <name>PrintCodes</name>
    <message>
        <source>The staff keys are not loaded, so page codes cannot be made or checked. Close BranchVault, open the database again and retry.</source>
        <translation>员工密钥未加载，无法生成或核验页码。请关闭 BranchVault，重新打开数据库后重试。</translation>
    </message>
    <message>
        <source>The print key could not be derived.</source>
        <translation>无法派生打印密钥。</translation>
    </message>
</context>
<context>
    <name>PrintRegister</name>
    <message>
        <source>Copy %1 is still being printed: its printer records how the print ended first.</source>
        <translation>打印件 %1 仍在打印中：请先由打印人登记打印结果。</translation>
    </message>
    <message>
        <source>Copy %1 failed to print: there is no printout to record this for. Pages that came out are destroyed with a witness.</source>
        <translation>打印件 %1 打印失败：没有可登记此事项的打印件。已打出的页面须在监销人见证下销毁。</translation>
    </message>
    <message>
        <source>Copy %1 is lent to %2 until %3: record its return first.</source>
        <translation>打印件 %1 已借给 %2，借期至 %3：请先登记归还。</translation>
    </message>
    <message>
        <source>Copy %1 was handed over to the customer it is about: it is no longer in the branch&apos;s custody.</source>
        <translation>打印件 %1 已交给其所涉及的客户本人：不再由网点保管。</translation>
    </message>
    <message>
        <source>Copy %1 was destroyed: nothing more can be recorded for it.</source>
        <translation>打印件 %1 已销毁：不能再为其登记任何事项。</translation>
    </message>
    <message>
        <source>Copy %1 is not lent out: there is nothing to give back.</source>
        <translation>打印件 %1 未借出：无需归还。</translation>
    </message>
    <message>
        <source>Fill in %1.</source>
        <translation>请填写%1。</translation>
    </message>
    <message>
        <source>Keep %1 to %2 characters at most.</source>
        <translation>%1最多 %2 个字符。</translation>
    </message>
    <message>
        <source>There is no copy %1 in the print register. Check the serial number and the copy.</source>
        <translation>打印登记簿中没有打印件 %1。请核对序列号和份号。</translation>
    </message>
    <message>
        <source>Copy %1 was printed by another account: a customer manager records events only for copies they printed. Ask the branch manager.</source>
        <translation>打印件 %1 由其他账户打印：客户经理只能为本人打印的打印件登记事项。请联系网点负责人。</translation>
    </message>
    <message>
        <source>%1 (%2) may not hold a printout with customer information: it is received by a branch manager or a customer manager.</source>
        <translation>%1（%2）不得保管含客户信息的打印件：此类打印件须由网点负责人或客户经理签收。</translation>
    </message>
    <message>
        <source>%1 (%2) may not hold this printout: it is received by a branch manager, an auditor or an administrator.</source>
        <translation>%1（%2）不得保管此打印件：须由网点负责人、安全审计员或系统管理员签收。</translation>
    </message>
    <message>
        <source>Only a data-subject report is handed over to the customer it is about; copy %1 is &quot;%2&quot;. Record who received it instead.</source>
        <translation>只有个人信息主体报告才交给其所涉及的客户；打印件 %1 是“%2”。请改为登记签收人。</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>who borrows it</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <source>Choose when the printout is due back: a time after now, at most three days ahead.</source>
        <translation>请选择打印件的归还时间：须晚于现在，且最多为三天之后。</translation>
    </message>
    <message>
        <source>A printout may be lent for at most three days: it must be back by %1 at the latest. Choose an earlier due time, and lend it again after its return if it is still needed.</source>
        <translation>打印件借阅期限最长三天：最迟须于 %1 归还。请选择更早的归还时间；如仍需使用，归还后可再次借阅。</translation>
    </message>
    <message>
        <source>how it was destroyed</source>
        <translation>销毁方式</translation>
    </message>
    <message>
        <source>A printout is destroyed under the supervision of a second person: a branch manager or an auditor types their login and password as the witness.</source>
        <translation>打印件须在第二人监督下销毁：由网点负责人或安全审计员作为监销人输入其登录名和密码。</translation>
    </message>
    <message>
        <source>You cannot witness a destruction you record yourself: a second person, a branch manager or an auditor, supervises it and confirms with their own password.</source>
        <translation>您不能为自己登记的销毁担任监销人：须由第二人（网点负责人或安全审计员）监督，并以其本人密码确认。</translation>
    </message>
    <message>
        <source>%1 (%2) cannot witness a destruction: the witness is a branch manager or an auditor.</source>
        <translation>%1（%2）不能担任监销人：监销人须为网点负责人或安全审计员。</translation>
    </message>
    <message>
        <source>No printout %1 is in the print register. Check the number; a page with a number that is not registered was not printed by BranchVault at this branch.</source>
        <translation>打印登记簿中没有打印件 %1。请核对编号；编号未登记的页面并非由本网点的 BranchVault 打印。</translation>
    </message>
    <message>
        <source>Genuine: page %1 of copy %2 of printout %3 (%4), printed by %5 on %6. It is now: %7.</source>
        <translation>真实：打印件 %3（%4）第 %2 份的第 %1 页，由 %5 于 %6 打印。当前状态：%7。</translation>
    </message>
    <message>
        <source>The page code was made with this branch&apos;s print key, but copy %1 is not in the print register. Verify the print register: a row may have been removed.</source>
        <translation>该页码由本网点的打印密钥生成，但打印件 %1 不在打印登记簿中。请校验打印登记簿：可能有记录被删除。</translation>
    </message>
    <message>
        <source>The page code names printout %1, which is not in this branch&apos;s print register, and its check value does not match: the page was not printed by BranchVault at this branch.</source>
        <translation>该页码所指的打印件 %1 不在本网点的打印登记簿中，且其校验值不符：该页面并非由本网点的 BranchVault 打印。</translation>
    </message>
    <message>
        <source>The page code names printout %1 of this branch, but its check value does not match: the code was altered or forged. Keep the page and report it to the branch manager and the auditor.</source>
        <translation>该页码指向本网点的打印件 %1，但其校验值不符：页码已被篡改或伪造。请保留该页面，并报告网点负责人和安全审计员。</translation>
    </message>
    <message>
        <source>This is not a BranchVault page code or serial number. A BranchVault printout carries a serial number such as PR-2026-000001 and a QR code on every page.</source>
        <translation>这不是 BranchVault 的页码或序列号。BranchVault 打印件的每一页都印有序列号（如 PR-2026-000001）和二维码。</translation>
    </message>
    <message>
        <source>The print register has been altered: %1 Compare it with the audit log, where every print and every event is recorded, and report it to the auditor.</source>
        <translation>打印登记簿已被改动：%1 请与审计日志（其中记录了每次打印和每个事项）进行比对，并报告安全审计员。</translation>
    </message>
    <message>
        <source>printing</source>
        <translation>打印中</translation>
    </message>
    <message>
        <source>print failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>printed, not yet received</source>
        <translation>已打印，未签收</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>handed over to the customer</source>
        <translation>已交给客户</translation>
    </message>
    <message>
        <source>lent out</source>
        <translation>已借出</translation>
    </message>
    <message>
        <source>destroyed</source>
        <translation>已销毁</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>received and signed for</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>lent</source>
        <translation>借出</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>归还</translation>
    </message>
    <message>
        <source>destroyed with a witness</source>
        <translation>监销销毁</translation>
    </message>
    <message>
        <source>%1 may not hold copy %2: it holds grade-1 information, so it is received by a branch manager or by the person who printed it.</source>
        <translation>%1 不能持有 %2：它含一级信息，只能由网点负责人或打印人本人签收。</translation>
    </message>
    <message numerus="yes">
        <source>Printout %1 (%2) is in the print register: %n copies, printed by %3 on %4. A typed number proves nothing about a page; scan its QR code to check that it is genuine.</source>
        <translation>
            <numerusform>打印件 %1（%2）已在打印登记簿中：共 %n 份，由 %3 于 %4 打印。手工输入的编号不能证明页面的真伪；请扫描页面上的二维码进行核验。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintRegisterCommands</name>
    <message>
        <source>[lending overdue]</source>
        <translation>[借阅逾期]</translation>
    </message>
    <message>
        <source>[past its period of use]</source>
        <translation>[已超过使用期限]</translation>
    </message>
    <message>
        <source>No print register alerts.</source>
        <translation>打印登记簿没有告警。</translation>
    </message>
    <message>
        <source>No printouts in circulation (--all lists destroyed ones too).</source>
        <translation>没有在用的打印件（加 --all 也列出已销毁的）。</translation>
    </message>
    <message>
        <source>The print register is empty.</source>
        <translation>打印登记簿为空。</translation>
    </message>
    <message>
        <source>The print register is intact: every row matches its hash chain.</source>
        <translation>打印登记簿完整：每一行都与其哈希链相符。</translation>
    </message>
    <message>
        <source>print-register %1 needs the printout&apos;s serial, with /N for copy N (PR-2026-000001/2).</source>
        <translation>print-register %1 需要打印件的序列号，第 N 份加 /N（PR-2026-000001/2）。</translation>
    </message>
    <message>
        <source>print-register receive needs --login LOGIN: the staff member who receives the printout (their password is read from standard input after yours).</source>
        <translation>print-register receive 需要 --login 登录名：签收打印件的员工（其密码在您的密码之后从标准输入读取）。</translation>
    </message>
    <message>
        <source>print-register destroy needs --witness LOGIN (a branch manager or auditor who watches; their password is read from standard input after yours) and --method TEXT (shredded, ...).</source>
        <translation>print-register destroy 需要 --witness 登录名（在场监销的网点负责人或审计员；其密码在您的密码之后从标准输入读取）和 --method 文字（碎纸机粉碎等）。</translation>
    </message>
    <message>
        <source>print-register lend needs --to NAME (who borrows it) and --days N (at most 3).</source>
        <translation>print-register lend 需要 --to 姓名（借阅人）和 --days N（最多 3 天）。</translation>
    </message>
    <message>
        <source>Password of %1, who receives the printout</source>
        <translation>签收人 %1 的密码</translation>
    </message>
    <message>
        <source>Copy %1 of %2 was signed for by %3.</source>
        <translation>%2 的第 %1 份已由 %3 签收。</translation>
    </message>
    <message>
        <source>Copy %1 of %2 was recorded as handed to the customer it is about.</source>
        <translation>%2 的第 %1 份已登记为交给其所涉客户本人。</translation>
    </message>
    <message>
        <source>Copy %1 of %2 was lent to %3 until %4 (UTC).</source>
        <translation>%2 的第 %1 份已借给 %3，归还期限 %4（UTC）。</translation>
    </message>
    <message>
        <source>Copy %1 of %2 was returned.</source>
        <translation>%2 的第 %1 份已归还。</translation>
    </message>
    <message>
        <source>Password of %1, the witness</source>
        <translation>监销人 %1 的密码</translation>
    </message>
    <message>
        <source>Copy %1 of %2 was recorded as destroyed, witnessed by %3.</source>
        <translation>%2 的第 %1 份已登记为销毁，监销人 %3。</translation>
    </message>
    <message>
        <source>The image could not be read (%1). Give a PNG or JPEG scan or photo of one page.</source>
        <translation>无法读取该图像（%1）。请提供某一页的 PNG 或 JPEG 扫描件或照片。</translation>
    </message>
    <message>
        <source>No QR code was found in the image. Scan or photograph the page&apos;s corner with the code again, straight on and in focus, or type the serial printed on the page.</source>
        <translation>图像中未找到二维码。请正对页面带二维码的一角重新扫描或拍照并对准焦距，或输入页面上印的序列号。</translation>
    </message>
    <message>
        <source>print-register trace needs a serial (PR-2026-000001), a page code, or --image FILE.</source>
        <translation>print-register trace 需要序列号（PR-2026-000001）、页码二维码内容或 --image 文件。</translation>
    </message>
    <message>
        <source>print-register needs a subcommand: list, alerts, verify, receive, handover, lend, return, destroy or trace.</source>
        <translation>print-register 需要子命令：list、alerts、verify、receive、handover、lend、return、destroy 或 trace。</translation>
    </message>
    <message>
        <source>Unknown print-register subcommand &quot;%1&quot;.</source>
        <translation>未知的 print-register 子命令“%1”。</translation>
    </message>
</context>
<context>
    <name>PrintRegisterReport</name>
    <message>
        <source>Give the first day as YYYY-MM-DD.</source>
        <translation>请按 YYYY-MM-DD 格式填写起始日期。</translation>
    </message>
    <message>
        <source>Give the last day as YYYY-MM-DD.</source>
        <translation>请按 YYYY-MM-DD 格式填写截止日期。</translation>
    </message>
    <message>
        <source>The first day comes after the last day. Swap them.</source>
        <translation>起始日期晚于截止日期。请对调两者。</translation>
    </message>
    <message>
        <source>&quot;Open copies only&quot; is true or false.</source>
        <translation>“仅未销毁的打印件”须为 true 或 false。</translation>
    </message>
    <message>
        <source>The print register is printed by the auditor or the branch manager.</source>
        <translation>打印登记簿由安全审计员或网点负责人打印。</translation>
    </message>
    <message>
        <source>Customer information borrowing and destruction record</source>
        <translation>客户信息借阅、销毁记录表</translation>
    </message>
    <message>
        <source>Print register: every copy of a controlled printout, from its print to its destruction</source>
        <translation>打印登记簿：受控文件的每一份打印件，从打印到销毁</translation>
    </message>
    <message>
        <source>Printed from</source>
        <translation>打印日期自</translation>
    </message>
    <message>
        <source>the first print</source>
        <translation>首次打印</translation>
    </message>
    <message>
        <source>Printed until</source>
        <translation>打印日期至</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>打印件</translation>
    </message>
    <message>
        <source>not destroyed only</source>
        <translation>仅未销毁的</translation>
    </message>
    <message>
        <source>all, destroyed ones included</source>
        <translation>全部（含已销毁的）</translation>
    </message>
    <message>
        <source>Serial / copy</source>
        <translation>序列号/份号</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Printed by, at</source>
        <translation>打印人、时间</translation>
    </message>
    <message>
        <source>Period of use until</source>
        <translation>使用期限至</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>Lent to / due / returned</source>
        <translation>借阅人/应还时间/归还时间</translation>
    </message>
    <message>
        <source>Destroyed at / by / witness</source>
        <translation>销毁时间/销毁人/监销人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No copy is registered for this period.</source>
        <translation>此期间没有登记的打印件。</translation>
    </message>
    <message>
        <source>handed to the customer, %1</source>
        <translation>已交给客户，%1</translation>
    </message>
    <message>
        <source>%1, due %2</source>
        <translation>%1，应于 %2 归还</translation>
    </message>
    <message>
        <source>; returned %1</source>
        <translation>；已于 %1 归还</translation>
    </message>
    <message>
        <source>%1, by %2, witness %3 (%4)</source>
        <translation>%1，销毁人 %2，监销人 %3（%4）</translation>
    </message>
    <message>
        <source>copy %1</source>
        <translation>副本 %1</translation>
    </message>
    <message>
        <source>no approval needed</source>
        <translation>无需批准</translation>
    </message>
    <message numerus="yes">
        <source>%n destroyed</source>
        <translation>
            <numerusform>已销毁 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>Lendings last at most three days. A copy past its period of use is destroyed under the supervision of a branch manager or an auditor.</source>
        <translation>借阅期限最长三天。超过使用期限的打印件须在网点负责人或安全审计员监督下销毁。</translation>
    </message>
    <message>
        <source>Checked by (signature): ____________________    Date: ____________</source>
        <translation>核对人（签字）：____________________    日期：____________</translation>
    </message>
    <message numerus="yes">
        <source>%n copies</source>
        <translation>
            <numerusform>共 %n 份</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintRegisterRepository</name>
    <message>
        <source>Reading the print register</source>
        <translation>读取打印登记簿</translation>
    </message>
    <message>
        <source>All serial numbers of %1 are used up. Printing can continue next year; ask the developers if this branch really prints this much.</source>
        <translation>%1 年的序列号已用完。明年可继续打印；如本网点确有如此大的打印量，请联系开发人员。</translation>
    </message>
    <message>
        <source>copy %1/%2 (register row %3)</source>
        <translation>打印件 %1/%2（登记簿第 %3 行）</translation>
    </message>
    <message>
        <source>the &quot;%1&quot; event of copy %2/%3 (register row %4)</source>
        <translation>打印件 %2/%3 的“%1”事项（登记簿第 %4 行）</translation>
    </message>
    <message>
        <source>register row %1 is missing: it was deleted, and %2 follows the gap.</source>
        <translation>登记簿第 %1 行缺失：该行已被删除，缺口之后为%2。</translation>
    </message>
    <message>
        <source>%1 appears twice in the chain.</source>
        <translation>%1在链中出现了两次。</translation>
    </message>
    <message>
        <source>%1 does not continue the chain: a row before it was changed, removed or inserted.</source>
        <translation>%1未承接哈希链：其之前的某一行被修改、删除或插入。</translation>
    </message>
    <message>
        <source>%1 does not match its hash: it was changed after it was written.</source>
        <translation>%1与其哈希值不符：写入后被修改过。</translation>
    </message>
    <message>
        <source>the printout %1 of audit row %2 is missing from the register: register rows were deleted.</source>
        <translation>审计记录 %2 所记的打印件 %1 不在登记簿中：登记簿的行被删除了。</translation>
    </message>
    <message>
        <source>Copy %1 lent to %2 was due back on %3 and has not been returned. Get it back and record the return, or report it lost.</source>
        <translation>借给 %2 的打印件 %1 应于 %3 归还，但尚未归还。请收回并登记归还，或报告遗失。</translation>
    </message>
    <message>
        <source>Copy %1 (%2) was to be used until %3 and has not been destroyed. Destroy it with a witness and record the destruction.</source>
        <translation>打印件 %1（%2）的使用期限至 %3，但尚未销毁。请在监销人见证下销毁并登记。</translation>
    </message>
    <message>
        <source>Copy %1 was registered for printing by %2 at %3 and its outcome was never recorded (the program may have stopped while printing). Find out whether it was printed; a printed copy is collected and destroyed with a witness.</source>
        <translation>打印件 %1 由 %2 于 %3 登记打印，但从未登记打印结果（程序可能在打印时中止）。请查明是否已打印；已打印的须收回并在监销人见证下销毁。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The database connection is closed</source>
        <translation>数据库连接已关闭</translation>
    </message>
    <message>
        <source>Cannot prepare the statement</source>
        <translation>无法预编译语句</translation>
    </message>
    <message>
        <source>Only one SQL statement can be run per query</source>
        <translation>每次查询只能执行一条 SQL 语句</translation>
    </message>
    <message>
        <source>The statement is empty</source>
        <translation>语句为空</translation>
    </message>
    <message>
        <source>Cannot bind the values</source>
        <translation>无法绑定参数值</translation>
    </message>
    <message>
        <source>The statement has %1 placeholders but %2 values were bound</source>
        <translation>语句有 %1 个占位符，但绑定了 %2 个值</translation>
    </message>
    <message>
        <source>Value %1 is too large for an SQLite integer</source>
        <translation>值 %1 超出 SQLite 整数的范围</translation>
    </message>
    <message>
        <source>Value %1 has a type the database cannot store (%2)</source>
        <translation>值 %1 的类型无法存入数据库（%2）</translation>
    </message>
    <message>
        <source>Cannot run the statement</source>
        <translation>无法执行语句</translation>
    </message>
    <message>
        <source>No statement was prepared</source>
        <translation>没有已预编译的语句</translation>
    </message>
    <message>
        <source>Cannot read the next row</source>
        <translation>无法读取下一行</translation>
    </message>
</context>
<context>
    <name>QueryRows</name>
    <message>
        <source>Reading the audit log</source>
        <translation>读取审计日志</translation>
    </message>
    <message>
        <source>Reading the requests</source>
        <translation>读取专项事务申请</translation>
    </message>
    <message>
        <source>Reading the customer records</source>
        <translation>读取客户记录</translation>
    </message>
    <message>
        <source>Reading the user accounts</source>
        <translation>读取用户账户</translation>
    </message>
    <message>
        <source>Reading the settings</source>
        <translation>读取设置</translation>
    </message>
    <message>
        <source>Reading the database</source>
        <translation>读取数据库</translation>
    </message>
</context>
<context>
    <name>RecoveryPassphrase</name>
    <message>
        <source>The recovery passphrase contains a character that is not on the recovery sheet. Type the five groups exactly as printed.</source>
        <translation>恢复口令中含有恢复口令单上不会出现的字符。请按恢复口令单上印刷的内容准确输入五组字符。</translation>
    </message>
    <message>
        <source>The recovery passphrase is too long: it has five groups of five characters.</source>
        <translation>恢复口令过长：恢复口令共五组，每组五个字符。</translation>
    </message>
    <message>
        <source>The recovery passphrase is incomplete: it has five groups of five characters, %1 were given.</source>
        <translation>恢复口令不完整：恢复口令共五组，每组五个字符，当前只输入了 %1 个字符。</translation>
    </message>
    <message>
        <source>The recovery passphrase has a typing error (its check character does not match). Compare each group with the recovery sheet and type it again.</source>
        <translation>恢复口令有输入错误（校验码不符）。请将每组字符与恢复口令单逐一核对，然后重新输入。</translation>
    </message>
</context>
<context>
    <name>RecoverySheetPrinter</name>
    <message>
        <source>Original</source>
        <translation>正本</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>副本 %1</translation>
    </message>
    <message>
        <source>until the recovery passphrase is replaced</source>
        <translation>至恢复口令更换为止</translation>
    </message>
    <message>
        <source>The recovery sheet could not be printed: %1 Check the printer and print it again.</source>
        <translation>无法打印恢复口令单：%1 请检查打印机后重新打印。</translation>
    </message>
</context>
<context>
    <name>ReportCommands</name>
    <message>
        <source>Your role runs no reports.</source>
        <translation>您的角色没有可运行的报表。</translation>
    </message>
    <message>
        <source>--param takes KEY=VALUE (for example --param from=2026-01-01); &quot;%1&quot; has no &quot;=&quot;.</source>
        <translation>--param 的格式为 键=值（例如 --param from=2026-01-01）；“%1”中没有“=”。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from 1 to %2.</source>
        <translation>--%1 必须是 1 到 %2 之间的整数。</translation>
    </message>
    <message>
        <source>report run needs the report&apos;s key (report list shows them).</source>
        <translation>report run 需要报表的键名（report list 会列出）。</translation>
    </message>
    <message>
        <source>--copies and --period-days apply to a print: add --pdf FILE.</source>
        <translation>--copies 和 --period-days 只用于打印：请加上 --pdf 文件。</translation>
    </message>
    <message>
        <source>The report &quot;%1&quot; as asked holds grade-1 values, which are never written to the terminal: print it as a controlled PDF with --pdf FILE (it is registered and uses the approval up).</source>
        <translation>按所给参数，报表“%1”含一级信息，一级信息从不输出到终端：请用 --pdf 文件 将其打印为受控 PDF（会登记并用掉该审批）。</translation>
    </message>
    <message>
        <source>report reprint needs the serial of the printout and --pdf FILE.</source>
        <translation>report reprint 需要打印件的序列号和 --pdf 文件。</translation>
    </message>
    <message>
        <source>report needs a subcommand: list, run or reprint.</source>
        <translation>report 需要子命令：list、run 或 reprint。</translation>
    </message>
    <message>
        <source>Unknown report subcommand &quot;%1&quot;.</source>
        <translation>未知的 report 子命令“%1”。</translation>
    </message>
    <message numerus="yes">
        <source>Printed %1 as controlled document %2 (%n pages per copy, %3 copies) to %4. Record in the print register who receives it (branchvault-cli print-register receive %2).</source>
        <translation>
            <numerusform>已将%1打印为受控文件 %2（每份 %n 页，共 %3 份），输出到 %4。请在打印登记簿中登记签收人（branchvault-cli print-register receive %2）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportRenderer</name>
    <message>
        <source>The printer or the PDF file could not be opened for drawing. Check the printer, or that the folder can be written to, then try again.</source>
        <translation>无法打开打印机或 PDF 文件进行绘制。请检查打印机，或确认该文件夹可写入，然后重试。</translation>
    </message>
    <message>
        <source>The pages could not be finished on the printer or in the PDF file. Check the printer or the free disk space, then try again.</source>
        <translation>无法在打印机或 PDF 文件中完成页面输出。请检查打印机或磁盘剩余空间，然后重试。</translation>
    </message>
    <message>
        <source>[cut here: this cell is longer than a page]</source>
        <translation>[此处截断：该单元格内容超过一页]</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1（续）</translation>
    </message>
    <message>
        <source>No entries.</source>
        <translation>无记录。</translation>
    </message>
    <message>
        <source>Nothing is open for drawing: the printer or the PDF file was not opened. Try again.</source>
        <translation>没有可供绘制的输出：打印机或 PDF 文件未打开。请重试。</translation>
    </message>
    <message>
        <source>The print has page codes for %1 pages, but the report has %2 pages. Print it again.</source>
        <translation>此次打印只有 %1 页的页面代码，但报表共有 %2 页。请重新打印。</translation>
    </message>
    <message>
        <source>The page code of page %1 cannot be drawn as a QR code. Print it again.</source>
        <translation>第 %1 页的页面代码无法绘制为二维码。请重新打印。</translation>
    </message>
    <message>
        <source>The printer or the PDF file did not take a new page. Check the printer or the free disk space, then try again.</source>
        <translation>打印机或 PDF 文件无法另起一页。请检查打印机或磁盘剩余空间，然后重试。</translation>
    </message>
</context>
<context>
    <name>ReportService</name>
    <message>
        <source>(no customer manager)</source>
        <translation>（无客户经理）</translation>
    </message>
    <message>
        <source> (frozen)</source>
        <translation>（已冻结）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Member of staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Customers served</source>
        <translation>服务客户数</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>受理投诉</translation>
    </message>
    <message>
        <source>No customer managers and no activity in the period.</source>
        <translation>期间内没有客户经理，也没有服务活动。</translation>
    </message>
    <message>
        <source>Service records count under the member of staff who served the customer; complaints under the customer manager responsible for the customer now. Contents are not printed.</source>
        <translation>服务记录计入提供服务的员工；投诉计入当前负责该客户的客户经理。不打印具体内容。</translation>
    </message>
    <message>
        <source>By customer manager</source>
        <translation>按客户经理</translation>
    </message>
    <message>
        <source>Customer manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Answered in time</source>
        <translation>按时答复</translation>
    </message>
    <message>
        <source>Answered late</source>
        <translation>逾期答复</translation>
    </message>
    <message>
        <source>No customer managers and no complaints.</source>
        <translation>没有客户经理，也没有投诉。</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Investigate by</source>
        <translation>调查期限</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No open complaints.</source>
        <translation>没有未结投诉。</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>已于 %1 完成</translation>
    </message>
    <message>
        <source>Open and overdue: the complaints open now. Answered in time or late: the complaints answered in the period, against their answer deadline (2 working days). Complaints count under the customer manager responsible for the customer now. The complaints&apos; contents are grade-2 information and are not printed.</source>
        <translation>未结和逾期：当前尚未办结的投诉。按时或逾期答复：期间内答复的投诉，按其答复期限（2 个工作日）判断。投诉计入当前负责该客户的客户经理。投诉内容属二级信息，不予打印。</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Second factor</source>
        <translation>第二验证因素</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>No accounts.</source>
        <translation>没有用户账户。</translation>
    </message>
    <message>
        <source>awaiting a branch manager&apos;s confirmation</source>
        <translation>等待网点负责人确认</translation>
    </message>
    <message>
        <source>on</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>off</source>
        <translation>未启用</translation>
    </message>
    <message>
        <source>Total: %1 accounts</source>
        <translation>合计：%1 个用户账户</translation>
    </message>
    <message>
        <source>By role</source>
        <translation>按角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>Staff accounts of this database. Accounts are frozen, never deleted, so that their history stays attributable. Times in branch time.</source>
        <translation>本数据库的员工用户账户。用户账户只冻结、不删除，以便其历史记录始终可追溯到人。时间为网点时间。</translation>
    </message>
    <message>
        <source>Many lookups by a clerk</source>
        <translation>查询员查询次数过多</translation>
    </message>
    <message>
        <source>Same customer opened often</source>
        <translation>反复打开同一客户</translation>
    </message>
    <message>
        <source>Access outside working hours</source>
        <translation>工作时间以外的访问</translation>
    </message>
    <message>
        <source>Repeated failed sign-ins</source>
        <translation>多次登录失败</translation>
    </message>
    <message>
        <source>Approval used quickly by the same pair</source>
        <translation>同一组人员批准后短时间内即使用授权</translation>
    </message>
    <message>
        <source>Printout lent past its due time</source>
        <translation>打印件借出逾期未还</translation>
    </message>
    <message>
        <source>Printout past its period of use</source>
        <translation>打印件超过使用期限</translation>
    </message>
    <message>
        <source>Print never finished</source>
        <translation>打印结果未登记</translation>
    </message>
    <message>
        <source>By action</source>
        <translation>按操作</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>No audit rows in the period.</source>
        <translation>期间内没有审计记录。</translation>
    </message>
    <message>
        <source>By user</source>
        <translation>按用户</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>By day (branch time)</source>
        <translation>按日（网点时间）</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Refusals (the first %1 of %2; the audit log export holds all)</source>
        <translation>拒绝访问（共 %2 条中的前 %1 条；审计日志导出文件包含全部）</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Refused operation</source>
        <translation>被拒绝的操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>No refusals in the period.</source>
        <translation>期间内没有拒绝访问。</translation>
    </message>
    <message>
        <source>Alerts by kind</source>
        <translation>按类型统计的告警</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>No alerts in the period.</source>
        <translation>期间内没有告警。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Audit rows in the period</source>
        <translation>期间内的审计记录</translation>
    </message>
    <message>
        <source>Failed operations</source>
        <translation>失败的操作</translation>
    </message>
    <message>
        <source>Audit rows from %1 to %2 (branch time). The rows&apos; details are not printed; the audit log itself holds them, masked.</source>
        <translation>%1 至 %2（网点时间）的审计记录。不打印记录详情；详情以脱敏形式保存在审计日志中。</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Total: %1 alerts</source>
        <translation>合计：%1 条告警</translation>
    </message>
    <message>
        <source>Alerts from %1 to %2 (branch time), by the thresholds in the settings (alert.*). Each alert names the audit rows behind it in the application (Audit log page, or branchvault-cli audit alerts).</source>
        <translation>%1 至 %2（网点时间）的告警，按设置中的阈值（alert.*）判定。每条告警对应的审计记录可在应用程序中查看（审计日志页面，或 branchvault-cli audit alerts）。</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>First retained row</source>
        <translation>保留的首行</translation>
    </message>
    <message>
        <source>First row written</source>
        <translation>首行写入时间</translation>
    </message>
    <message>
        <source>Head row</source>
        <translation>末行</translation>
    </message>
    <message>
        <source>Head row written</source>
        <translation>末行写入时间</translation>
    </message>
    <message>
        <source>Head hash</source>
        <translation>末行哈希值</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Checkpoint text (type it into a file exactly as printed, one line per row)</source>
        <translation>检查点文本（按打印内容逐行原样录入文件）</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>This sheet records the state of the audit log when it was printed: its first retained row, its last row (the head) with that row&apos;s hash, and the number of rows between them. Keep it away from this computer: someone who can change the database cannot change this paper.</source>
        <translation>本单记录打印时审计日志的状态：保留的首行、末行及其哈希值，以及其间的行数。请远离本计算机保存：能修改数据库的人无法修改这张纸。</translation>
    </message>
    <message>
        <source>To verify the audit log against this sheet later: type the checkpoint text above into a plain text file exactly as printed (the last line is a check over the others, so a typing error is reported as such), or use the file that branchvault-cli audit checkpoint --out FILE wrote at the same time. Then run:</source>
        <translation>日后据本单核验审计日志：将上述检查点文本按打印内容原样录入纯文本文件（最后一行是对其余各行的校验，录入错误会被如实报告），或使用同时由 branchvault-cli audit checkpoint --out FILE 写出的文件。然后运行：</translation>
    </message>
    <message>
        <source>The verification names the first row deleted or rewritten since this sheet was taken. Rows removed later by a lawful retention purge are accepted; anything else is reported. The run of this report is itself audited after the head row it names.</source>
        <translation>核验会指出自本单生成以来第一条被删除或改写的记录。之后依保留期限合规清理的记录视为正常；其他情况均会报告。运行本报表本身也会在其所列末行之后记入审计日志。</translation>
    </message>
    <message>
        <source>Printed and kept by: ______________________   Date: ____________</source>
        <translation>打印及保管人：______________________   日期：____________</translation>
    </message>
    <message>
        <source>Held about you</source>
        <translation>我行持有的您的信息</translation>
    </message>
    <message>
        <source>Nothing held.</source>
        <translation>未持有。</translation>
    </message>
    <message>
        <source>record created</source>
        <translation>记录创建</translation>
    </message>
    <message>
        <source>record changed</source>
        <translation>记录修改</translation>
    </message>
    <message>
        <source>relationship closed</source>
        <translation>销户</translation>
    </message>
    <message>
        <source>customer manager assigned</source>
        <translation>分配客户经理</translation>
    </message>
    <message>
        <source>moved to another customer manager</source>
        <translation>移交其他客户经理</translation>
    </message>
    <message>
        <source>temporary custody</source>
        <translation>临时托管</translation>
    </message>
    <message>
        <source>custody ended</source>
        <translation>托管结束</translation>
    </message>
    <message>
        <source>taken back by the branch manager</source>
        <translation>由网点负责人收回</translation>
    </message>
    <message>
        <source>record entered</source>
        <translation>记录录入</translation>
    </message>
    <message>
        <source>entry or change approved</source>
        <translation>录入或变更获批准</translation>
    </message>
    <message>
        <source>entry or change rejected</source>
        <translation>录入或变更被驳回</translation>
    </message>
    <message>
        <source>record viewed</source>
        <translation>查看记录</translation>
    </message>
    <message>
        <source>found in a search</source>
        <translation>在查询中检索到</translation>
    </message>
    <message>
        <source>looked up at the counter</source>
        <translation>柜面查询</translation>
    </message>
    <message>
        <source>full value viewed under an approval</source>
        <translation>经批准查看完整信息</translation>
    </message>
    <message>
        <source>customer manager changed</source>
        <translation>更换客户经理</translation>
    </message>
    <message>
        <source>data-subject report produced</source>
        <translation>生成个人信息查询结果</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>service recorded</source>
        <translation>记录服务</translation>
    </message>
    <message>
        <source>complaint recorded or updated</source>
        <translation>记录或更新投诉</translation>
    </message>
    <message>
        <source>consent recorded</source>
        <translation>记录同意</translation>
    </message>
    <message>
        <source>tier change decided</source>
        <translation>处理客户等级调整</translation>
    </message>
    <message>
        <source>shared phone or account reviewed</source>
        <translation>复查共用的电话或账号</translation>
    </message>
    <message>
        <source>access refused</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <source>approval used</source>
        <translation>使用授权</translation>
    </message>
    <message>
        <source>special request filed</source>
        <translation>提交专项事务申请</translation>
    </message>
    <message>
        <source>special request approved</source>
        <translation>批准专项事务申请</translation>
    </message>
    <message>
        <source>special request rejected</source>
        <translation>驳回专项事务申请</translation>
    </message>
    <message>
        <source>report produced</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Last service</source>
        <translation>最近服务日期</translation>
    </message>
    <message>
        <source>You have no customers.</source>
        <translation>您没有客户。</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按客户等级</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>按状态</translation>
    </message>
    <message>
        <source>The data-subject report needs its grant.</source>
        <translation>个人信息查询结果需要相应的授权。</translation>
    </message>
    <message>
        <source>Personal information held about you</source>
        <translation>个人信息查询结果</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>客户 %1</translation>
    </message>
    <message>
        <source>This statement lists the personal information that %1 holds about you, customer %2, as it stood on %3. It was produced at your request (special request %4, approved by %5) and is for you alone: keep it safe.</source>
        <translation>本清单列明 %1 截至 %3 持有的关于您（客户号 %2）的个人信息。本清单应您的申请制作（专项事务申请 %4，由 %5 批准），仅供您本人使用，请妥善保管。</translation>
    </message>
    <message>
        <source>Identity and contact details, account numbers and your birth date appear in full. In the history of changes, values are shown as they were recorded there, partly hidden.</source>
        <translation>身份和联系信息、账号及出生日期均完整列示。变更记录中的信息按当时记录的形式列示，部分内容已隐去。</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>个人情况</translation>
    </message>
    <message>
        <source>Your record at the branch</source>
        <translation>您在本网点的记录</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>批准时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>销户</translation>
    </message>
    <message>
        <source>Kept until</source>
        <translation>保存至</translation>
    </message>
    <message>
        <source>Custody until</source>
        <translation>托管至</translation>
    </message>
    <message>
        <source>Accounts and cards</source>
        <translation>账户和银行卡</translation>
    </message>
    <message>
        <source>No accounts held.</source>
        <translation>未持有账户信息。</translation>
    </message>
    <message>
        <source>change awaiting approval</source>
        <translation>待复核的变更</translation>
    </message>
    <message>
        <source>tier change</source>
        <translation>客户等级调整</translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <translation>%1 → %2（%3）</translation>
    </message>
    <message>
        <source> (until %1)</source>
        <translation>（至 %1）</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>No changes recorded.</source>
        <translation>没有变更记录。</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <source>No service records.</source>
        <translation>没有服务记录。</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>No complaints.</source>
        <translation>没有投诉。</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>For</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>No consents recorded.</source>
        <translation>没有同意记录。</translation>
    </message>
    <message>
        <source>Special requests concerning you</source>
        <translation>涉及您的专项事务申请</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用时间</translation>
    </message>
    <message>
        <source>No special requests.</source>
        <translation>没有专项事务申请。</translation>
    </message>
    <message>
        <source>Who handled your record (summary of the access log)</source>
        <translation>您的记录的处理情况（访问日志摘要）</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>First</source>
        <translation>首次</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最近一次</translation>
    </message>
    <message>
        <source>No accesses recorded.</source>
        <translation>没有访问记录。</translation>
    </message>
    <message>
        <source>If any of this information is wrong or incomplete, tell us: you may ask for it to be corrected or completed. Questions about how your information is used can be addressed to the branch manager.</source>
        <translation>如上述信息有误或不完整，请告知我们：您有权要求更正或补充。关于您的信息如何被使用的问题，可向网点负责人咨询。</translation>
    </message>
    <message>
        <source>Received by the customer: ______________________   Date: ____________</source>
        <translation>客户签收：______________________   日期：____________</translation>
    </message>
    <message>
        <source>Handed over by (member of staff): ______________________   Date: ____________</source>
        <translation>交付人（员工）：______________________   日期：____________</translation>
    </message>
    <message>
        <source>Name (masked)</source>
        <translation>姓名（已脱敏）</translation>
    </message>
    <message>
        <source>ID number (masked)</source>
        <translation>证件号码（已脱敏）</translation>
    </message>
    <message>
        <source>Mobile (masked)</source>
        <translation>手机号码（已脱敏）</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开户日期</translation>
    </message>
    <message>
        <source>No customers.</source>
        <translation>没有客户。</translation>
    </message>
    <message>
        <source>Total: %1 customers</source>
        <translation>合计：%1 户客户</translation>
    </message>
    <message>
        <source>Names, ID numbers and mobiles are masked. This roster holds grade-1 information: it was approved by special request %1 and is handled as a controlled document.</source>
        <translation>姓名、证件号码和手机号码均已脱敏。本名册含有一级信息：经专项事务申请 %1 批准，按受控文件管理。</translation>
    </message>
    <message>
        <source>Share of customers</source>
        <translation>户数占比</translation>
    </message>
    <message>
        <source>Assets under management (CNY)</source>
        <translation>金融资产（元）</translation>
    </message>
    <message>
        <source>Share of assets</source>
        <translation>资产占比</translation>
    </message>
    <message>
        <source>Average per customer (CNY)</source>
        <translation>户均资产（元）</translation>
    </message>
    <message>
        <source>Active customers only. Assets under management are grade-2 information, shown here as sums per tier.</source>
        <translation>仅统计正常客户。金融资产属二级信息，此处仅按客户等级列示合计金额。</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <source>Net change</source>
        <translation>净增减</translation>
    </message>
    <message>
        <source>Other customer</source>
        <translation>另一客户</translation>
    </message>
    <message>
        <source>They share</source>
        <translation>共用</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>排除时间</translation>
    </message>
    <message>
        <source>No suspicious pairs.</source>
        <translation>没有可疑客户对。</translation>
    </message>
    <message>
        <source>No pairs to review.</source>
        <translation>没有待复查的客户对。</translation>
    </message>
    <message>
        <source>a phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>an account number</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>Total: %1 pairs</source>
        <translation>合计：%1 对</translation>
    </message>
    <message>
        <source>Former manager</source>
        <translation>原客户经理</translation>
    </message>
    <message>
        <source>Frozen since</source>
        <translation>冻结时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No customers await reassignment.</source>
        <translation>没有待重新分配的客户。</translation>
    </message>
    <message>
        <source>no customer manager</source>
        <translation>无客户经理</translation>
    </message>
    <message>
        <source>custodian frozen</source>
        <translation>托管人已冻结</translation>
    </message>
    <message>
        <source>customer manager frozen</source>
        <translation>客户经理已冻结</translation>
    </message>
    <message>
        <source>From (first day)</source>
        <translation>起始日期（首日）</translation>
    </message>
    <message>
        <source>To (last day)</source>
        <translation>截止日期（末日）</translation>
    </message>
    <message>
        <source>%1: not a date (yyyy-MM-dd). Enter it like 2026-03-01.</source>
        <translation>%1：不是日期（yyyy-MM-dd）。请按 2026-03-01 的格式输入。</translation>
    </message>
    <message>
        <source>%1: not a month (yyyy-MM). Enter it like 2026-03.</source>
        <translation>%1：不是月份（yyyy-MM）。请按 2026-03 的格式输入。</translation>
    </message>
    <message>
        <source>%1: not a whole number. Enter digits only.</source>
        <translation>%1：不是整数。请只输入数字。</translation>
    </message>
    <message>
        <source>%1: not true or false. Enter true or false.</source>
        <translation>%1：不是 true 或 false。请输入 true 或 false。</translation>
    </message>
    <message>
        <source>%1: required. Enter the customer number of the customer the report is about.</source>
        <translation>%1：必填。请输入报表所涉客户的客户号。</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not one of %3. Choose one of them.</source>
        <translation>%1：“%2”不是 %3 之一。请从中选择一项。</translation>
    </message>
    <message>
        <source>%1: longer than %2 characters. Shorten it.</source>
        <translation>%1：超过 %2 个字符。请缩短。</translation>
    </message>
    <message>
        <source>from: %1 is after to (%2). The period starts on or before its last day.</source>
        <translation>from：%1 晚于 to（%2）。期间的起始日不能晚于其最后一天。</translation>
    </message>
    <message>
        <source>to: %1 is in the future (today is %2). End the period today or earlier.</source>
        <translation>to：%1 是未来日期（今天是 %2）。期间最晚只能截至今天。</translation>
    </message>
    <message>
        <source>from: the period is longer than %1 years. Choose a shorter period.</source>
        <translation>from：期间超过 %1 年。请选择较短的期间。</translation>
    </message>
    <message>
        <source>from: %1 is after to (%2). The period starts on or before its last month.</source>
        <translation>from：%1 晚于 to（%2）。期间的起始月不能晚于其最后一个月。</translation>
    </message>
    <message>
        <source>to: %1 is in the future (this month is %2). End the period this month or earlier.</source>
        <translation>to：%1 是未来月份（本月是 %2）。期间最晚只能截至本月。</translation>
    </message>
    <message>
        <source>from: the period is longer than %1 months. Choose a shorter period.</source>
        <translation>from：期间超过 %1 个月。请选择较短的期间。</translation>
    </message>
    <message>
        <source>Period: months (yyyy-MM); default the last 12 months.</source>
        <translation>期间：按月（yyyy-MM）；默认为最近 12 个月。</translation>
    </message>
    <message>
        <source>Customer roster</source>
        <translation>客户名册</translation>
    </message>
    <message>
        <source>The branch&apos;s customers: number, sex, age band, tier, customer manager, status and opening date (grade 3). With identities it adds the masked name, ID number and mobile, and then needs an approved print or export request for &quot;customer_list&quot;.</source>
        <translation>本网点的客户：客户号、性别、年龄段、客户等级、客户经理、状态和开户日期（三级信息）。选择包含身份信息时，另列脱敏后的姓名、证件号码和手机号码，此时需要已批准的“customer_list”打印或导出专项事务申请。</translation>
    </message>
    <message>
        <source>active customers</source>
        <translation>正常客户</translation>
    </message>
    <message>
        <source>all customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>With identities (masked)</source>
        <translation>包含身份信息（已脱敏）</translation>
    </message>
    <message>
        <source>Tiers and assets</source>
        <translation>客户等级与资产</translation>
    </message>
    <message>
        <source>Active customers and their assets under management by tier: counts, sums and shares, with totals.</source>
        <translation>按客户等级统计的正常客户及其金融资产：户数、金额和占比，并列合计。</translation>
    </message>
    <message>
        <source>New and closed customers</source>
        <translation>新增与销户客户</translation>
    </message>
    <message>
        <source>New and closed customers by month.</source>
        <translation>按月统计的新增客户和销户客户。</translation>
    </message>
    <message>
        <source>From (month)</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <source>To (month)</source>
        <translation>截止月份</translation>
    </message>
    <message>
        <source>Service activity</source>
        <translation>服务情况</translation>
    </message>
    <message>
        <source>Service records and complaints received in a period, by customer manager (default: the last three months).</source>
        <translation>按客户经理统计期间内的服务记录和受理的投诉（默认：最近三个月）。</translation>
    </message>
    <message>
        <source>Open and overdue complaints now, and complaints answered in time or late in a period, by customer manager; then the open complaints (without their contents).</source>
        <translation>按客户经理统计当前未结和逾期的投诉，以及期间内按时或逾期答复的投诉；并列出未结投诉（不含投诉内容）。</translation>
    </message>
    <message>
        <source>Suspicious pairs</source>
        <translation>可疑客户对</translation>
    </message>
    <message>
        <source>Pairs of customers who share a phone or an account number, by customer number (never the value).</source>
        <translation>共用电话号码或账号的客户对，仅列客户号（从不列出号码本身）。</translation>
    </message>
    <message>
        <source>Pairs</source>
        <translation>客户对</translation>
    </message>
    <message>
        <source>all pairs</source>
        <translation>全部客户对</translation>
    </message>
    <message>
        <source>Customers awaiting reassignment</source>
        <translation>待重新分配的客户</translation>
    </message>
    <message>
        <source>Customers without a customer manager, or whose manager or custodian is frozen or has left.</source>
        <translation>没有客户经理，或其客户经理或托管人已冻结或离职的客户。</translation>
    </message>
    <message>
        <source>My portfolio</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <source>Your own customers: counts by tier and status, and a list with the date of the last service (grade 3).</source>
        <translation>您本人负责的客户：按客户等级和状态统计的户数，以及附最近服务日期的客户清单（三级信息）。</translation>
    </message>
    <message>
        <source>Personal information held about a customer</source>
        <translation>客户个人信息查询结果</translation>
    </message>
    <message>
        <source>Everything held about one of your customers, grade 1 in full, as the form handed to the customer on their access request. Needs an approved print or export request for &quot;data_subject&quot; and that customer.</source>
        <translation>本网点持有的您名下某一客户的全部信息（一级信息完整显示），作为应客户查询申请交给客户的表格。需要针对该客户、已批准的“data_subject”打印或导出专项事务申请。</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Audit summary</source>
        <translation>审计汇总</translation>
    </message>
    <message>
        <source>Audit log rows in a period by action, user and day; refusals and alerts (default: the last 30 days).</source>
        <translation>按操作、用户和日期统计期间内的审计记录；拒绝访问和告警（默认：最近 30 天）。</translation>
    </message>
    <message>
        <source>Audit alerts</source>
        <translation>审计告警</translation>
    </message>
    <message>
        <source>The alerts of a period (default: the last 30 days).</source>
        <translation>期间内的告警（默认：最近 30 天）。</translation>
    </message>
    <message>
        <source>Audit checkpoint sheet</source>
        <translation>审计检查点单</translation>
    </message>
    <message>
        <source>The audit log&apos;s checkpoint now (first row, head row and hash, row count), to keep on paper and verify the log against later.</source>
        <translation>审计日志当前的检查点（首行、末行及其哈希值、行数），以纸质形式保存，供日后据以核验日志。</translation>
    </message>
    <message>
        <source>Print register</source>
        <translation>打印登记簿</translation>
    </message>
    <message>
        <source>The borrowing and destruction record of every controlled printout (optionally only those printed in a period, or only those not yet destroyed).</source>
        <translation>每份受控打印件的借阅、销毁记录（可只列某一期间内打印的，或只列尚未销毁的）。</translation>
    </message>
    <message>
        <source>Only copies not yet destroyed</source>
        <translation>仅列未销毁的份数</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>员工用户账户</translation>
    </message>
    <message>
        <source>Every staff account: login, name, role, status, second factor, created and last sign-in. No customer data.</source>
        <translation>全部员工用户账户：登录名、姓名、角色、状态、第二验证因素、创建时间和最近登录。不含客户数据。</translation>
    </message>
    <message>
        <source>There is no report &quot;%1&quot;, and your role runs no report.</source>
        <translation>不存在报表“%1”，且您的角色不运行任何报表。</translation>
    </message>
    <message>
        <source>There is no report &quot;%1&quot;. Choose one of: %2.</source>
        <translation>不存在报表“%1”。请从以下报表中选择：%2。</translation>
    </message>
    <message>
        <source>The report &quot;%1&quot; is run by the %2 only; your role (%3) may not run it. Ask the %2 for it.</source>
        <translation>报表“%1”仅由%2运行；您的角色（%3）不能运行。请向%2索取。</translation>
    </message>
    <message>
        <source>%1: the report &quot;%2&quot; takes no parameters. Remove it.</source>
        <translation>%1：报表“%2”没有参数。请删除该参数。</translation>
    </message>
    <message>
        <source>%1: not a parameter of the report &quot;%2&quot; (it takes %3). Remove it.</source>
        <translation>%1：不是报表“%2”的参数（其参数为 %3）。请删除该参数。</translation>
    </message>
    <message>
        <source>The customer roster with identities holds grade-1 information (masked). File a special request (print or export, report &quot;customer_list&quot;), have another branch manager approve it, then run the report again. Without identities it needs no approval.</source>
        <translation>包含身份信息的客户名册含有一级信息（已脱敏）。请提交专项事务申请（打印或导出，报表“customer_list”），经另一位网点负责人批准后再运行该报表。不含身份信息的名册无需批准。</translation>
    </message>
    <message>
        <source>customer: there is no customer %1. Check the customer number.</source>
        <translation>customer：不存在客户 %1。请核对客户号。</translation>
    </message>
    <message>
        <source>The data-subject report of customer %1 holds the customer&apos;s personal information in full. File a special request (print or export, report &quot;data_subject&quot;, customer %1) and wait for the branch manager&apos;s approval; then run the report again.</source>
        <translation>客户 %1 的个人信息查询结果完整包含该客户的个人信息。请提交专项事务申请（打印或导出，报表“data_subject”，客户 %1），待网点负责人批准后再运行该报表。</translation>
    </message>
    <message>
        <source>The report &quot;%1&quot; has no builder.</source>
        <translation>报表“%1”没有生成程序。</translation>
    </message>
    <message>
        <source>The report &quot;%1&quot; holds grade-1 information and was built without a grant.</source>
        <translation>报表“%1”含有一级信息，却在没有授权的情况下生成。</translation>
    </message>
    <message>
        <source>The reports are not available in this program (no report builders). Report this to the developers; nothing was printed.</source>
        <translation>本程序中无法使用报表（缺少报表生成器）。请报告开发人员；未打印任何内容。</translation>
    </message>
    <message>
        <source>There is no report &quot;%1&quot;. Choose one from the list of reports.</source>
        <translation>没有报表“%1”。请从报表列表中选择。</translation>
    </message>
    <message>
        <source>The report &quot;%1&quot; is printed by the %2 role, not by yours (%3). Ask a colleague in that role if the report is needed.</source>
        <translation>报表“%1”由%2角色打印，而非您的角色（%3）。如需此报表，请联系该角色的同事。</translation>
    </message>
    <message>
        <source>The report &quot;%1&quot; has no parameter &quot;%2&quot;. Leave it out.</source>
        <translation>报表“%1”没有参数“%2”。请去掉该参数。</translation>
    </message>
    <message>
        <source>The report &quot;%1&quot; is about one customer: give the customer number.</source>
        <translation>报表“%1”针对单个客户：请填写客户号。</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>正本</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>副本 %1</translation>
    </message>
    <message>
        <source>This report holds grade-1 information and you have no live approval to print it. File a special request and wait for the branch manager&apos;s approval.</source>
        <translation>此报表含一级信息，而您没有打印它的有效批准。请提交专项事务申请，并等待网点负责人批准。</translation>
    </message>
    <message>
        <source>Print 1 to %1 copies at a time; every copy is registered and accounted for.</source>
        <translation>每次可打印 1 至 %1 份；每一份都会登记并须有下落。</translation>
    </message>
    <message>
        <source>There is no print with the serial number %1 in the register. Check the number.</source>
        <translation>登记簿中没有序列号为 %1 的打印件。请核对编号。</translation>
    </message>
    <message>
        <source>The period of use must be 1 to 365 days; %1 is not possible.</source>
        <translation>使用期限须为 1 至 365 天；不能为 %1。</translation>
    </message>
    <message>
        <source>Copy %1/%2 is still being printed. Record the outcome of that print first.</source>
        <translation>打印件 %1/%2 仍在打印中。请先登记该次打印的结果。</translation>
    </message>
    <message>
        <source>Printout %1 was to be used until %2: no further copy of it can be made. Print the report anew.</source>
        <translation>打印件 %1 的使用期限至 %2：不能再为其加印副本。请重新打印该报表。</translation>
    </message>
    <message>
        <source>A printout has 1 to %1 pages.</source>
        <translation>打印件的页数须为 1 至 %1 页。</translation>
    </message>
    <message>
        <source>Copy %1/%2 is printed by another account: only that account receives its page codes.</source>
        <translation>打印件 %1/%2 由其他账户打印：只有该账户能获取其页码。</translation>
    </message>
    <message>
        <source>Copy %1/%2 is no longer being printed (%3): page codes are made only while it prints. For a further copy, reprint it.</source>
        <translation>打印件 %1/%2 已不在打印中（%3）：页码只在打印过程中生成。如需再要一份，请加印副本。</translation>
    </message>
    <message>
        <source>The print did not finish.</source>
        <translation>打印未完成。</translation>
    </message>
    <message>
        <source>Printout %1 was printed by another account: only that account records how the print ended.</source>
        <translation>打印件 %1 由其他账户打印：只有该账户能登记打印结果。</translation>
    </message>
    <message>
        <source>The outcome of printout %1 is already recorded. For a further copy, reprint it.</source>
        <translation>打印件 %1 的打印结果已登记。如需再要一份，请加印副本。</translation>
    </message>
    <message>
        <source>BranchVault recovery sheet</source>
        <translation>BranchVault 恢复口令单</translation>
    </message>
    <message>
        <source>Controlled — keep sealed, away from this computer</source>
        <translation>受控文件——密封保存，远离本计算机</translation>
    </message>
    <message>
        <source>This is the recovery passphrase of the BranchVault database below. With it and the key envelope beside the database, the database can be unlocked on a re-imaged workstation or under another operating-system account, and the first or the last branch manager can be confirmed. Whoever holds it and a copy of the database can read everything in it.</source>
        <translation>这是下列 BranchVault 数据库的恢复口令。凭此口令和数据库旁的密钥信封，可以在重装系统的工作站上或另一个操作系统账户下解锁数据库，也可以确认第一位或最后一位网点负责人。同时持有此口令和数据库副本的人可以读取其中的全部内容。</translation>
    </message>
    <message>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>To unlock the database on a new workstation or operating-system account, start BranchVault and type this passphrase when asked, or run branchvault-cli unlock --db PATH and type it. Letters and digits only; dashes and case do not matter.</source>
        <translation>如需在新的工作站或操作系统账户下解锁数据库，请启动 BranchVault 并在提示时输入此口令，或运行 branchvault-cli unlock --db PATH 后输入。口令仅由字母和数字组成；连字符和大小写不影响。</translation>
    </message>
    <message>
        <source>Seal this sheet in an envelope, sign across the seal and keep it in the branch safe, away from this computer. Make no copies. A new sheet (after a key envelope repair) makes this one void: destroy it with a witness and record the destruction.</source>
        <translation>请将本单装入信封密封，在封口处骑缝签名，存放于网点保险柜，远离本计算机。不得复制。生成新的恢复口令单（修复密钥信封后）即令本单作废：须在监销人见证下销毁并登记销毁记录。</translation>
    </message>
    <message>
        <source>Sealed by: ______________________   Witness: ______________________   Date: ____________</source>
        <translation>密封人：______________________   见证人：______________________   日期：____________</translation>
    </message>
    <message>
        <source>Shown on the printed copy only: the preview holds no personal information.</source>
        <translation>仅在打印件上显示：预览不含个人信息。</translation>
    </message>
</context>
<context>
    <name>RequestCommands</name>
    <message>
        <source>request create needs --type reveal|export|print|restricted_access.</source>
        <translation>request create 命令需要 --type reveal|export|print|restricted_access 参数。</translation>
    </message>
    <message>
        <source>request create needs the validity: either --days N (1 to 3) or --hours N.</source>
        <translation>request create 命令需要指定有效期：--days N（1 至 3）或 --hours N。</translation>
    </message>
    <message>
        <source>--days must be a whole number of days from 1 to 3.</source>
        <translation>--days 必须是 1 至 3 之间的整数天数。</translation>
    </message>
    <message>
        <source>--hours must be a whole number of hours, at least 1 (at most 72).</source>
        <translation>--hours 必须是整数小时数，至少为 1（最多 72）。</translation>
    </message>
    <message>
        <source>No open requests.</source>
        <translation>没有未结的申请。</translation>
    </message>
    <message>
        <source>No requests.</source>
        <translation>没有申请。</translation>
    </message>
    <message>
        <source>request %1 needs --reason TEXT: the requester is told why.</source>
        <translation>request %1 命令需要 --reason TEXT 参数：申请人会看到该原因。</translation>
    </message>
    <message>
        <source>request withdraw takes no --reason.</source>
        <translation>request withdraw 命令不接受 --reason 参数。</translation>
    </message>
    <message>
        <source>Request %1 was approved; the grant is valid until %2 (UTC).</source>
        <translation>申请 %1 已批准；授权有效期至 %2（UTC）。</translation>
    </message>
    <message>
        <source>Request %1 was rejected.</source>
        <translation>申请 %1 已驳回。</translation>
    </message>
    <message>
        <source>Request %1 was revoked; the grant no longer works.</source>
        <translation>申请 %1 已撤销；该授权已失效。</translation>
    </message>
    <message>
        <source>Request %1 was withdrawn.</source>
        <translation>申请 %1 已撤回。</translation>
    </message>
    <message>
        <source>request needs a subcommand: create, list, show, approve, reject, revoke or withdraw.</source>
        <translation>request 命令需要子命令：create、list、show、approve、reject、revoke 或 withdraw。</translation>
    </message>
    <message>
        <source>Unknown request subcommand &quot;%1&quot;.</source>
        <translation>未知的 request 子命令“%1”。</translation>
    </message>
    <message>
        <source>request %1 needs the number of the request (request list shows it).</source>
        <translation>request %1 命令需要申请编号（可通过 request list 查看）。</translation>
    </message>
    <message>
        <source>request approve needs --reason TEXT: what you checked before approving.</source>
        <translation>request approve 需要 --reason 文本：说明批准前核对了什么。</translation>
    </message>
    <message numerus="yes">
        <source>Request %1 was filed (%2: %3, valid for %n hours once approved). It is pending until a branch manager decides it.</source>
        <translation>
            <numerusform>申请 %1 已提交（%2：%3，批准后 %n 小时内有效）。在网点负责人作出决定之前，该申请处于待复核状态。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestService</name>
    <message>
        <source>Clerks may only ask for access to a restricted customer. A full value, an export or a print is asked for by the customer&apos;s own manager or the branch manager.</source>
        <translation>查询员只能申请访问重点保密客户。查看明文、导出或打印须由该客户的客户经理或网点负责人申请。</translation>
    </message>
    <message>
        <source>State the purpose of the request: what the information is needed for (up to %1 characters).</source>
        <translation>请说明申请用途：需要这些信息做什么（最多 %1 个字符）。</translation>
    </message>
    <message>
        <source>The purpose has %1 characters; at most %2 are allowed. Shorten it.</source>
        <translation>用途说明有 %1 个字符，最多允许 %2 个。请缩短。</translation>
    </message>
    <message>
        <source>A request is valid for 1 to %1 hours. Ask for %1 hours or less, and file a new request when it runs out.</source>
        <translation>申请的有效期为 1 至 %1 小时。请申请不超过 %1 小时的有效期，到期后再提交新的申请。</translation>
    </message>
    <message>
        <source>Name at least one customer number whose values you need to see in full.</source>
        <translation>请至少填写一个需要完整查看其信息的客户号。</translation>
    </message>
    <message>
        <source>Choose at least one grade-1 field to see in full.</source>
        <translation>请至少选择一个需要完整查看的一级信息字段。</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not a grade-1 field; it is never masked, so it needs no reveal request. Remove it from the request.</source>
        <translation>字段“%1”不是一级信息字段；该字段从不脱敏，无需申请查看明文。请将其从申请中删除。</translation>
    </message>
    <message>
        <source>There is no field &quot;%1&quot;. Choose grade-1 fields only (for example name, id_number, mobile).</source>
        <translation>不存在字段“%1”。请只选择一级信息字段（例如 name、id_number、mobile）。</translation>
    </message>
    <message>
        <source>A reveal request names customers and fields, not a report. Remove the report, or file an export or print request for it.</source>
        <translation>查看明文申请应指定客户和字段，而不是报表。请删除报表，或为该报表提交导出或打印申请。</translation>
    </message>
    <message>
        <source>Name at least one restricted customer you need access to.</source>
        <translation>请至少填写一个需要访问的重点保密客户。</translation>
    </message>
    <message>
        <source>A restricted-access request names customers only. To see a full value as well, file a reveal request.</source>
        <translation>重点保密客户访问申请只能指定客户。如还需查看明文，请另行提交查看明文申请。</translation>
    </message>
    <message>
        <source>Choose the report to export or print: one of %1.</source>
        <translation>请选择要导出或打印的报表（以下之一：%1）。</translation>
    </message>
    <message>
        <source>There is no report &quot;%1&quot;. Choose one of %2.</source>
        <translation>不存在报表“%1”。请从以下报表中选择：%2。</translation>
    </message>
    <message>
        <source>The report &quot;%1&quot; covers exactly one customer. Name one customer number.</source>
        <translation>报表“%1”只针对一个客户。请填写一个客户号。</translation>
    </message>
    <message>
        <source>The report &quot;%1&quot; does not name customers. Remove the customer numbers.</source>
        <translation>报表“%1”不针对具体客户。请删除客户号。</translation>
    </message>
    <message>
        <source>An export or print request names a report, not fields. Remove the fields.</source>
        <translation>导出或打印申请应指定报表，而不是字段。请删除字段。</translation>
    </message>
    <message>
        <source>Only the branch manager may ask for the report &quot;%1&quot;.</source>
        <translation>只有网点负责人可以申请报表“%1”。</translation>
    </message>
    <message>
        <source>A request names at most %1 customers; full values are not given out in bulk. Split the work into several requests, each with its own purpose.</source>
        <translation>一项申请最多指定 %1 个客户；明文信息不得批量提供。请将工作拆分为多项申请，并分别说明用途。</translation>
    </message>
    <message>
        <source>There is no customer %1. Check the customer number and try again.</source>
        <translation>不存在客户 %1。请检查客户号后重试。</translation>
    </message>
    <message>
        <source>Customer %1 has been anonymised; no personal information is left to request. Remove the customer from the request.</source>
        <translation>客户 %1 已匿名化处理，已无可申请的个人信息。请将该客户从申请中删除。</translation>
    </message>
    <message>
        <source>Customer %1 is not restricted, so no request is needed for access. Open the customer as usual.</source>
        <translation>客户 %1 不是重点保密客户，访问无需申请。请照常打开该客户。</translation>
    </message>
    <message>
        <source>Customer %1 is not your customer. Only the customer&apos;s own manager or the branch manager may ask for this.</source>
        <translation>客户 %1 不是您名下的客户。只有该客户的客户经理或网点负责人可以提出此申请。</translation>
    </message>
    <message>
        <source>Request %1 has an unknown type or status in the database. Run the database check (branchvault-cli verify).</source>
        <translation>数据库中申请 %1 的类型或状态无法识别。请运行数据库校验（branchvault-cli verify）。</translation>
    </message>
    <message>
        <source>There is no request %1. Refresh the list of requests and try again.</source>
        <translation>不存在申请 %1。请刷新申请列表后重试。</translation>
    </message>
    <message>
        <source>Request %1 was filed by someone else. You can open only your own requests.</source>
        <translation>申请 %1 由他人提交。您只能打开本人提交的申请。</translation>
    </message>
    <message>
        <source>Request %1 was changed meanwhile (decided, withdrawn or expired). Refresh the list and look at it again.</source>
        <translation>申请 %1 在此期间已发生变化（已处理、已撤回或已过期）。请刷新列表后重新查看。</translation>
    </message>
    <message>
        <source>The reason has %1 characters; at most %2 are allowed. Shorten it.</source>
        <translation>原因有 %1 个字符，最多允许 %2 个。请缩短。</translation>
    </message>
    <message>
        <source>You filed request %1 yourself, so you cannot approve it. Another branch manager must decide it.</source>
        <translation>申请 %1 由您本人提交，因此您不能批准。必须由另一位网点负责人作出决定。</translation>
    </message>
    <message>
        <source>Request %1 is %2, not pending; only a pending request can be approved.</source>
        <translation>申请 %1 的状态为“%2”，而不是“待复核”；只有待复核的申请才能批准。</translation>
    </message>
    <message>
        <source>Give a reason for the rejection, so that the requester knows what to change.</source>
        <translation>请填写驳回原因，以便申请人了解需要修改什么。</translation>
    </message>
    <message>
        <source>You filed request %1 yourself, so you cannot decide it. Withdraw it instead, or ask another branch manager.</source>
        <translation>申请 %1 由您本人提交，因此您不能对其作出决定。请改为撤回该申请，或请另一位网点负责人处理。</translation>
    </message>
    <message>
        <source>Request %1 is %2, not pending; only a pending request can be rejected.</source>
        <translation>申请 %1 的状态为“%2”，而不是“待复核”；只有待复核的申请才能驳回。</translation>
    </message>
    <message>
        <source>Give a reason for revoking the grant, so that the requester knows why it stopped.</source>
        <translation>请填写撤销授权的原因，以便申请人了解授权为何终止。</translation>
    </message>
    <message>
        <source>Request %1 is %2; only an approved grant that is still valid can be revoked.</source>
        <translation>申请 %1 的状态为“%2”；只有已批准且仍在有效期内的授权才能撤销。</translation>
    </message>
    <message>
        <source>Request %1 was filed by someone else; only its requester can withdraw it. A branch manager rejects it instead.</source>
        <translation>申请 %1 由他人提交；只有申请人本人可以撤回。网点负责人应改为驳回该申请。</translation>
    </message>
    <message>
        <source>Request %1 is %2, not pending; only a pending request can be withdrawn.</source>
        <translation>申请 %1 的状态为“%2”，而不是“待复核”；只有待复核的申请才能撤回。</translation>
    </message>
    <message>
        <source>A grant was looked up without its customer or field.</source>
        <translation>查询授权时未指定客户或字段。</translation>
    </message>
    <message>
        <source>You have no live approval to see the %1 of this customer in full. File a special request and wait for the branch manager&apos;s approval.</source>
        <translation>您没有完整查看该客户%1的有效批准。请提交专项事务申请，并等待网点负责人批准。</translation>
    </message>
    <message>
        <source>This customer is restricted and you have no live approval for access. File a special request and wait for the branch manager&apos;s approval.</source>
        <translation>该客户为重点保密客户，您没有访问该客户的有效批准。请提交专项事务申请，并等待网点负责人批准。</translation>
    </message>
    <message>
        <source>You have no live approval for this export. File a special request and wait for the branch manager&apos;s approval.</source>
        <translation>您没有此次导出的有效批准。请提交专项事务申请，并等待网点负责人批准。</translation>
    </message>
    <message>
        <source>You have no live approval for this print. File a special request and wait for the branch manager&apos;s approval.</source>
        <translation>您没有此次打印的有效批准。请提交专项事务申请，并等待网点负责人批准。</translation>
    </message>
    <message>
        <source>Only export and print grants are used up; other grants are reused.</source>
        <translation>只有导出和打印授权会被用完；其他授权可重复使用。</translation>
    </message>
    <message>
        <source>You have no live approval to export the report &quot;%1&quot; for this customer. File a special request and wait for the branch manager&apos;s approval.</source>
        <translation>您没有为该客户导出报表“%1”的有效批准。请提交专项事务申请，并等待网点负责人批准。</translation>
    </message>
    <message>
        <source>You have no live approval to export the report &quot;%1&quot;. File a special request and wait for the branch manager&apos;s approval.</source>
        <translation>您没有导出报表“%1”的有效批准。请提交专项事务申请，并等待网点负责人批准。</translation>
    </message>
    <message>
        <source>You have no live approval to print the report &quot;%1&quot; for this customer. File a special request and wait for the branch manager&apos;s approval.</source>
        <translation>您没有为该客户打印报表“%1”的有效批准。请提交专项事务申请，并等待网点负责人批准。</translation>
    </message>
    <message>
        <source>You have no live approval to print the report &quot;%1&quot;. File a special request and wait for the branch manager&apos;s approval.</source>
        <translation>您没有打印报表“%1”的有效批准。请提交专项事务申请，并等待网点负责人批准。</translation>
    </message>
    <message>
        <source>Export and print grants are single use; use them up instead.</source>
        <translation>导出和打印授权仅限使用一次；应改为将其用完。</translation>
    </message>
    <message>
        <source>The approval for this is no longer live (it expired, was revoked, or does not cover this customer or field). File a special request and wait for the branch manager&apos;s approval.</source>
        <translation>此项操作的批准已失效（已过期、已撤销，或不涵盖此客户或字段）。请提交专项事务申请，并等待网点负责人批准。</translation>
    </message>
    <message>
        <source>The purpose</source>
        <translation>用途说明</translation>
    </message>
    <message>
        <source>Customer %1 is not your customer, and a restricted-access request cannot open another manager&apos;s customer to you. Ask the customer&apos;s own manager or the branch manager.</source>
        <translation>客户 %1 不是您的客户，重点保密访问申请也不能让您访问其他客户经理的客户。请联系该客户的客户经理或网点负责人。</translation>
    </message>
    <message>
        <source>Give a reason for the approval (for example what you checked), so the decision can be traced.</source>
        <translation>请填写批准理由（例如核对了什么），以便追溯该决定。</translation>
    </message>
    <message>
        <source>full view</source>
        <translation>完整查看</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>restricted access</source>
        <translation>重点保密客户访问</translation>
    </message>
</context>
<context>
    <name>RequestStatus</name>
    <message>
        <source>pending</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
</context>
<context>
    <name>RestoreSwap</name>
    <message>
        <source>The restore could not put the files in place; it will be finished when the database is opened next</source>
        <translation>还原未能把文件放到位；下次打开数据库时会自动完成</translation>
    </message>
    <message>
        <source>Reading the journal of an interrupted restore</source>
        <translation>读取中断的还原记录</translation>
    </message>
    <message>
        <source>A restore of this database was interrupted, and its journal (%1) cannot be read. Nothing was changed; ask the system administrator to check the files beside the database.</source>
        <translation>此数据库的一次还原被中断，且其还原记录（%1）无法读取。未做任何更改；请系统管理员检查数据库旁的文件。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Security auditor</source>
        <translation>安全审计员</translation>
    </message>
    <message>
        <source>Branch manager</source>
        <translation>网点负责人</translation>
    </message>
    <message>
        <source>Customer manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Query clerk</source>
        <translation>查询员</translation>
    </message>
</context>
<context>
    <name>SealedValues</name>
    <message>
        <source>No value is stored for this field.</source>
        <translation>该字段未保存任何值。</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <source>BranchVault stopped because a start-up check failed: %1. Reinstall BranchVault with its dependencies (tools/dev.sh setup) or tell the system administrator.</source>
        <translation>BranchVault 启动自检未通过，已停止运行：%1。请重新安装 BranchVault 及其依赖组件（tools/dev.sh setup），或告知系统管理员。</translation>
    </message>
    <message>
        <source>core dumps could not be switched off</source>
        <translation>无法关闭核心转储</translation>
    </message>
    <message>
        <source>the process could not be made non-dumpable</source>
        <translation>无法将进程设为不可转储</translation>
    </message>
    <message>
        <source>core dumps off</source>
        <translation>核心转储已关闭</translation>
    </message>
    <message>
        <source>libsodium could not be initialised</source>
        <translation>libsodium 无法初始化</translation>
    </message>
    <message>
        <source>libsodium %1 initialised</source>
        <translation>libsodium %1 已初始化</translation>
    </message>
    <message>
        <source>the database engine does not start</source>
        <translation>数据库引擎无法启动</translation>
    </message>
    <message>
        <source>the database library is plain SQLite, not SQLCipher</source>
        <translation>所用的数据库程序库是普通 SQLite，而不是 SQLCipher</translation>
    </message>
    <message>
        <source>SQLCipher %1 is older than %2</source>
        <translation>SQLCipher %1 的版本低于 %2</translation>
    </message>
    <message>
        <source>SQLCipher has no crypto provider</source>
        <translation>SQLCipher 没有加密提供程序</translation>
    </message>
    <message>
        <source>SQLCipher %1 with %2</source>
        <translation>SQLCipher %1，加密提供程序 %2</translation>
    </message>
    <message>
        <source>temporary storage cannot be kept in memory</source>
        <translation>临时存储无法保留在内存中</translation>
    </message>
    <message>
        <source>temporary storage in memory</source>
        <translation>临时存储位于内存中</translation>
    </message>
</context>
<context>
    <name>ServerAddress</name>
    <message>
        <source>Give the branch server as postgresql://HOST[:PORT]/DATABASE.</source>
        <translation>请按 postgresql://主机[:端口]/数据库 的格式填写网点服务器地址。</translation>
    </message>
    <message>
        <source>The server address is not a valid address.</source>
        <translation>服务器地址无效。</translation>
    </message>
    <message>
        <source>The server address does not start with postgresql://.</source>
        <translation>服务器地址不是以 postgresql:// 开头。</translation>
    </message>
    <message>
        <source>The server address holds a login or a password. Give only the host and the database: the login is given on its own, and the password is typed when asked and never kept in a file.</source>
        <translation>服务器地址中含有登录名或密码。请只填写主机和数据库：登录名单独填写，密码在提示时输入，绝不保存在文件中。</translation>
    </message>
    <message>
        <source>The server address holds connection options. BranchVault always connects with TLS and checks the server&apos;s certificate against the branch CA; give only postgresql://HOST[:PORT]/DATABASE.</source>
        <translation>服务器地址中含有连接选项。BranchVault 始终使用 TLS 连接，并用网点 CA 核验服务器证书；请只填写 postgresql://主机[:端口]/数据库。</translation>
    </message>
    <message>
        <source>The server address names no host.</source>
        <translation>服务器地址中没有主机名。</translation>
    </message>
    <message>
        <source>The server address has no valid port (1 to 65535).</source>
        <translation>服务器地址中的端口无效（应为 1 至 65535）。</translation>
    </message>
    <message>
        <source>The server address names no database (letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;$&apos;, at most 63).</source>
        <translation>服务器地址中没有数据库名（字母、数字、“_”、“-”和“$”，最多 63 个字符）。</translation>
    </message>
</context>
<context>
    <name>ServerBench</name>
    <message>
        <source>branch manager</source>
        <translation>网点负责人</translation>
    </message>
    <message>
        <source>customer manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>查询员</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>auditor</source>
        <translation>安全审计员</translation>
    </message>
    <message>
        <source>branchvault-bench: signing in %1 (%2)</source>
        <translation>branchvault-bench：正在登录 %1（%2）</translation>
    </message>
    <message>
        <source>sign-in (server password derived, TLS connection, key slot opened)</source>
        <translation>登录（派生服务器密码、TLS 连接、打开密钥槽）</translation>
    </message>
    <message>
        <source>the sign-in of %1 (%2) failed: %3</source>
        <translation>%1（%2）登录失败：%3</translation>
    </message>
    <message>
        <source>%1 is a %2 on the branch server; standard input gives the branch manager, a customer manager and a clerk, in that order</source>
        <translation>%1 在网点服务器上是%2；标准输入须依次提供网点负责人、一名客户经理和一名查询员</translation>
    </message>
    <message>
        <source>%1 must change the one-time password first (branchvault-cli server passwd)</source>
        <translation>%1 须先修改一次性密码（branchvault-cli server passwd）</translation>
    </message>
    <message>
        <source>%1 holds no key slot yet: a branch manager confirms the account first</source>
        <translation>%1 尚无密钥槽：须先由网点负责人确认该账户</translation>
    </message>
    <message>
        <source>listing the branch failed: %1</source>
        <translation>列出网点客户失败：%1</translation>
    </message>
    <message>
        <source>the branch on this server has customers already; the benchmark adds %1 customers that cannot be deleted, so it runs against a test branch server only. Give --allow-existing to run on this one anyway.</source>
        <translation>该服务器上的网点已有客户；基准测试会新增 %1 个无法删除的客户，因此只在测试用网点服务器上运行。如仍要在此服务器上运行，请指定 --allow-existing。</translation>
    </message>
    <message>
        <source>branchvault-bench: entering %1 customers as %2</source>
        <translation>branchvault-bench：正在以 %2 的身份录入 %1 个客户</translation>
    </message>
    <message>
        <source>enter one customer (validated, sealed, pending)</source>
        <translation>录入一个客户（校验、加密封存、待复核）</translation>
    </message>
    <message>
        <source>entering customer %1 of %2 failed: %3</source>
        <translation>录入第 %1 个客户（共 %2 个）失败：%3</translation>
    </message>
    <message>
        <source>branchvault-bench: approving them as %1</source>
        <translation>branchvault-bench：正在以 %1 的身份批准</translation>
    </message>
    <message>
        <source>pending changes: a page of up to 1,000</source>
        <translation>待复核变更：一页（最多 1,000 条）</translation>
    </message>
    <message>
        <source>reading the pending changes failed: %1</source>
        <translation>读取待复核变更失败：%1</translation>
    </message>
    <message>
        <source>approval of an entry (with the blind re-key)</source>
        <translation>批准一项录入（含盲重录核对）</translation>
    </message>
    <message>
        <source>approving change %1 failed: %2</source>
        <translation>批准变更 %1 失败：%2</translation>
    </message>
    <message>
        <source>%1 of the %2 entered customers were found pending and approved</source>
        <translation>已录入的 %2 个客户中，有 %1 个处于待复核状态并已批准</translation>
    </message>
    <message>
        <source>branchvault-bench: listing the branch in pages of 200</source>
        <translation>branchvault-bench：正在按每页 200 条列出网点客户</translation>
    </message>
    <message>
        <source>branch list: first page of 200</source>
        <translation>全网点客户列表：第一页（200 条）</translation>
    </message>
    <message>
        <source>branch list: a later page of 200 (keyset)</source>
        <translation>全网点客户列表：后续一页（200 条，键集分页）</translation>
    </message>
    <message>
        <source>branchvault-bench: opening customers as %1</source>
        <translation>branchvault-bench：正在以 %1 的身份打开客户</translation>
    </message>
    <message>
        <source>open one customer&apos;s card (masked)</source>
        <translation>打开单个客户的资料卡（脱敏）</translation>
    </message>
    <message>
        <source>opening a customer failed: %1</source>
        <translation>打开客户失败：%1</translation>
    </message>
    <message>
        <source>branchvault-bench: clerk lookups as %1</source>
        <translation>branchvault-bench：正在以 %1 的身份进行查询员查询</translation>
    </message>
    <message>
        <source>clerk lookup (name + ID), a match</source>
        <translation>查询员查询（姓名 + 证件号码），有匹配</translation>
    </message>
    <message>
        <source>the clerk&apos;s lookup of an entered customer found nothing: %1</source>
        <translation>查询员查询已录入的客户未找到结果：%1</translation>
    </message>
    <message>
        <source>clerk lookup (name + ID), no match</source>
        <translation>查询员查询（姓名 + 证件号码），无匹配</translation>
    </message>
    <message>
        <source>the clerk&apos;s lookup failed: %1</source>
        <translation>查询员查询失败：%1</translation>
    </message>
    <message>
        <source>
branch server (%1, %2): each figure includes the TLS round trips to the server and the sealing, blind indexing and opening on this workstation
</source>
        <translation>
网点服务器（%1，%2）：每项数据均包含与服务器之间的 TLS 往返，以及本工作站上的加密封存、盲索引计算和解密
</translation>
    </message>
    <message>
        <source>customers entered: %1, total time: %2 s
</source>
        <translation>已录入客户：%1，总耗时：%2 秒
</translation>
    </message>
</context>
<context>
    <name>ServerCare</name>
    <message>
        <source>%1 accounts do not serve customers: service records, complaints and consent are recorded by the customer&apos;s own customer manager or the branch manager.</source>
        <translation>%1账户不办理客户服务：服务记录、投诉和同意情况由客户本人的客户经理或网点负责人登记。</translation>
    </message>
    <message>
        <source>Give the customer number.</source>
        <translation>请提供客户编号。</translation>
    </message>
    <message>
        <source>The branch server refused %1: the customer is not one of yours (any more) or is restricted (the server&apos;s reason follows). Ask the customer&apos;s own customer manager or the branch manager.</source>
        <translation>网点服务器拒绝了%1：该客户不是（或已不再是）您的客户，或为重点保密客户（服务器给出的原因附后）。请联系该客户的客户经理或网点负责人。</translation>
    </message>
    <message>
        <source>The branch server refused %1: a value is not acceptable (the server&apos;s reason follows). Correct it and save again.</source>
        <translation>网点服务器拒绝了%1：某个值不可接受（服务器给出的原因附后）。请更正后重新保存。</translation>
    </message>
    <message>
        <source>The branch server refused %1: it no longer fits the customer&apos;s or the complaint&apos;s state, which someone may have changed meanwhile (the server&apos;s reason follows). Reload and try again.</source>
        <translation>网点服务器拒绝了%1：它已不符合客户或投诉的当前状态，可能已有他人先行更改（服务器给出的原因附后）。请重新加载后再试。</translation>
    </message>
    <message>
        <source>the service record for customer %1</source>
        <translation>客户 %1 的服务记录</translation>
    </message>
    <message>
        <source>The branch server did not confirm %1.</source>
        <translation>网点服务器未确认%1。</translation>
    </message>
    <message>
        <source>reading the service records of customer %1</source>
        <translation>读取客户 %1 的服务记录</translation>
    </message>
    <message>
        <source>the complaint of customer %1</source>
        <translation>客户 %1 的投诉</translation>
    </message>
    <message>
        <source>the change of complaint %1</source>
        <translation>投诉 %1 的状态变更</translation>
    </message>
    <message>
        <source>reading the complaints of customer %1</source>
        <translation>读取客户 %1 的投诉</translation>
    </message>
    <message>
        <source>reading the overdue complaints</source>
        <translation>读取逾期投诉</translation>
    </message>
    <message>
        <source>the consent entry for customer %1</source>
        <translation>客户 %1 的同意情况记录</translation>
    </message>
    <message>
        <source>reading the consent entries of customer %1</source>
        <translation>读取客户 %1 的同意情况记录</translation>
    </message>
    <message>
        <source>That is not a customer number (a customer number is the branch code and eight digits, for example 0101-00000001). Copy it from the customer&apos;s card or list.</source>
        <translation>这不是客户编号（客户编号由网点代码和八位数字组成，例如 0101-00000001）。请从客户卡片或客户列表中复制。</translation>
    </message>
    <message>
        <source>reading which years the branch server&apos;s holiday calendar covers</source>
        <translation>读取网点服务器节假日日历覆盖的年份</translation>
    </message>
    <message>
        <source>The branch server refused %1: this account does not record complaints.</source>
        <translation>网点服务器拒绝了%1：此账户不登记投诉。</translation>
    </message>
</context>
<context>
    <name>ServerCli</name>
    <message>
        <source>%1 needs --user LOGIN.</source>
        <translation>%1 需要 --user 登录名。</translation>
    </message>
    <message>
        <source>Password of %1 on the branch server</source>
        <translation>%1 在网点服务器上的密码</translation>
    </message>
</context>
<context>
    <name>ServerCommands</name>
    <message>
        <source>server add-workstation needs --%1 (--url postgresql://HOST[:PORT]/DATABASE, --ca for the branch CA&apos;s certificate, --cert and --key for this workstation&apos;s certificate and key).</source>
        <translation>server add-workstation 需要 --%1（--url postgresql://主机[:端口]/数据库，--ca 为网点 CA 证书，--cert 和 --key 为本工作站的证书和私钥）。</translation>
    </message>
    <message>
        <source>Passphrase of the workstation&apos;s key</source>
        <translation>工作站私钥的口令</translation>
    </message>
    <message>
        <source>This workstation is connected to the branch server %1: the server proved its identity with the branch CA&apos;s certificate, and the workstation&apos;s key opens. Copies of the certificates and the key are in %2; the key&apos;s passphrase is in %3. Delete the key file you were given.</source>
        <translation>本工作站已连接网点服务器 %1：服务器已用网点 CA 签发的证书证明其身份，工作站私钥可以打开。证书和私钥的副本保存在 %2；私钥口令保存在%3。请删除交给您的私钥文件。</translation>
    </message>
    <message>
        <source>This workstation is no longer connected to the branch server %1.</source>
        <translation>本工作站已不再连接网点服务器 %1。</translation>
    </message>
    <message>
        <source>Password of %1 on the branch server</source>
        <translation>%1 在网点服务器上的密码</translation>
    </message>
    <message>
        <source>server init needs --owner LOGIN (the database&apos;s owner, as the DBA created it), --admin LOGIN (the branch&apos;s first administrator) and --branch CODE (the branch code); --name TEXT and --staff NO are optional.</source>
        <translation>server init 需要 --owner 登录名（数据库管理员建立的数据库属主）、--admin 登录名（本网点第一位系统管理员）和 --branch 网点代码；--name 名称和 --staff 工号可选。</translation>
    </message>
    <message>
        <source>The branch server %1 is set up (schema version %2, database %3).
Recovery passphrase (shown once; print it, seal it and keep it in the branch safe — it is the only way to give the first branch manager access to customer information): %4
One-time password of the administrator %5 (to be changed at the first sign-in: server passwd): %6</source>
        <translation>网点服务器 %1 已设置完成（结构版本 %2，数据库 %3）。
恢复口令（只显示这一次；请打印、密封并存入网点保险柜——这是让第一位网点负责人获得客户信息访问权限的唯一途径）：%4
系统管理员 %5 的一次性密码（首次登录时须修改：server passwd）：%6</translation>
    </message>
    <message>
        <source>The customer-information keys are open.</source>
        <translation>客户信息密钥已打开。</translation>
    </message>
    <message>
        <source>Change the one-time password first (server passwd, with the confirmation code): it opens the customer-information keys.</source>
        <translation>请先修改一次性密码（server passwd，并输入确认码）：这样才能打开客户信息密钥。</translation>
    </message>
    <message>
        <source>This account holds no key slot yet: a branch manager confirms it.</source>
        <translation>此账户尚无密钥槽：须由网点负责人确认。</translation>
    </message>
    <message>
        <source>This role holds no customer-information keys.</source>
        <translation>此角色不持有客户信息密钥。</translation>
    </message>
    <message>
        <source>Connected to the branch server %1 over %2 as %3 (%4, branch %5). %6</source>
        <translation>已通过 %2 以 %3（%4，网点 %5）连接到网点服务器 %1。%6</translation>
    </message>
    <message>
        <source>Use: server user add LOGIN --role ROLE [--staff NO] --user ADMIN | server user confirm LOGIN [--recovery] --user LOGIN.</source>
        <translation>用法：server user add 登录名 --role 角色 [--staff 工号] --user 管理员 | server user confirm 登录名 [--recovery] --user 登录名。</translation>
    </message>
    <message>
        <source>--role: one of manager, customer_manager, clerk, admin, auditor.</source>
        <translation>--role：须为 manager、customer_manager、clerk、admin、auditor 之一。</translation>
    </message>
    <message>
        <source>Account %1 (%2) is created on the branch server and waits for a branch manager&apos;s confirmation. One-time password: %3 — give it to the person in private.</source>
        <translation>账户 %1（%2）已在网点服务器上建立，等待网点负责人确认。一次性密码：%3——请私下交给本人。</translation>
    </message>
    <message>
        <source>Account %1 (%2) is created on the branch server. One-time password: %3 — give it to the person in private.</source>
        <translation>账户 %1（%2）已在网点服务器上建立。一次性密码：%3——请私下交给本人。</translation>
    </message>
    <message>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <source>The change to %1 is confirmed and in effect.</source>
        <translation>对 %1 的变更已确认并生效。</translation>
    </message>
    <message>
        <source>The change to %1 is confirmed. Confirmation code: %2 — give it to the person in private, apart from the one-time password: it is typed once, with the first new password (branchvault-cli server passwd asks for it).</source>
        <translation>对 %1 的变更已确认。确认码：%2——请私下交给本人，并与一次性密码分开交付：本人首次设置新密码时输入一次（branchvault-cli server passwd 会提示输入）。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type them again.</source>
        <translation>两次输入的新密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Confirmation code from the branch manager</source>
        <translation>网点负责人给出的确认码</translation>
    </message>
    <message>
        <source>The password of %1 on the branch server is changed.</source>
        <translation>%1 在网点服务器上的密码已修改。</translation>
    </message>
    <message>
        <source>The branch server&apos;s audit log is broken at row %1: %2. Leave the server as it is for the investigation and report it to the information-security office.</source>
        <translation>网点服务器的审计日志在第 %1 行断裂：%2。请保持服务器原状以便调查，并报告信息安全部门。</translation>
    </message>
    <message numerus="yes">
        <source>The branch server&apos;s audit chain is intact: %n rows checked, up to row %1.</source>
        <translation>
            <numerusform>网点服务器的审计链完整：已检查 %n 行，直至第 %1 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>This workstation now keeps the branch server&apos;s database id (%1…) and refuses a server that reports another one from now on.</source>
        <translation>本工作站已记下网点服务器的数据库标识（%1…），今后将拒绝报告其他标识的服务器。</translation>
    </message>
    <message>
        <source>The branch server&apos;s audit log does not match the checkpoint: %1. Check that the checkpoint was taken of this branch server, and report it to the information-security office.</source>
        <translation>网点服务器的审计日志与检查点不符：%1。请确认该检查点取自本网点服务器，并报告信息安全部门。</translation>
    </message>
    <message>
        <source>It matches the checkpoint of row %1 taken %2 (UTC).</source>
        <translation>与 %2（UTC）生成的第 %1 行检查点相符。</translation>
    </message>
    <message>
        <source>server audit checkpoint needs --out FILE.</source>
        <translation>server audit checkpoint 命令需要 --out FILE 参数。</translation>
    </message>
    <message>
        <source>Checkpoint of the branch server&apos;s audit log at row %1 written to %2. Keep a copy away from this computer and from the server; server audit verify --checkpoint FILE later shows whether the server&apos;s log was rewritten since.</source>
        <translation>网点服务器审计日志第 %1 行的检查点已写入 %2。请将副本存放在本机和服务器以外的地方；以后运行 server audit verify --checkpoint FILE 即可查看服务器的审计日志此后是否被改写。</translation>
    </message>
    <message>
        <source>server upgrade needs --owner LOGIN (the database&apos;s owner, as the DBA created it); the owner&apos;s password is read from stdin.</source>
        <translation>server upgrade 需要 --owner 登录名（数据库管理员所建的数据库属主）；属主密码从标准输入读取。</translation>
    </message>
    <message>
        <source>The branch server %1 holds every migration of this program already (schema version %2); nothing was changed.</source>
        <translation>网点服务器 %1 已包含本程序的全部迁移（结构版本 %2）；未做任何改动。</translation>
    </message>
    <message>
        <source>The branch server %1 is upgraded from schema version %2 to %3: %4. %5 Recorded in the branch&apos;s audit chain (db.upgrade).</source>
        <translation>网点服务器 %1 已从结构版本 %2 升级到 %3：%4。%5 已记入本网点的审计链（db.upgrade）。</translation>
    </message>
    <message>
        <source>The holiday calendar is as it was.</source>
        <translation>节假日日历保持不变。</translation>
    </message>
    <message>
        <source>Holiday calendar years added from this program: %1.</source>
        <translation>从本程序载入的节假日年份：%1。</translation>
    </message>
    <message>
        <source>Use: server add-workstation --url postgresql://HOST/DB --ca CA.crt --cert NAME.crt --key NAME.key | remove-workstation | init --owner LOGIN --admin LOGIN --branch CODE | upgrade --owner LOGIN | status --user LOGIN | user add|confirm LOGIN --user LOGIN | passwd --user LOGIN | audit verify [--checkpoint FILE] | audit checkpoint --out FILE | audit purge (--user AUDITOR) | calendar import FILE (--user ADMIN) | settings get [KEY] | settings set KEY VALUE (--user ADMIN) | complaint|service|consent|tiers|suspicious (as without server, --user LOGIN) | customer add|edit|list|close | change list|approve|reject | request list|reveal|approve|reject | reveal (--user LOGIN).</source>
        <translation>用法：server add-workstation --url postgresql://主机/数据库 --ca CA.crt --cert 名称.crt --key 名称.key | remove-workstation | init --owner 登录名 --admin 登录名 --branch 网点代码 | upgrade --owner 登录名 | status --user 登录名 | user add|confirm 登录名 --user 登录名 | passwd --user 登录名 | audit verify [--checkpoint 文件] | audit checkpoint --out 文件 | audit purge（--user 审计员）| calendar import 文件（--user 管理员）| settings get [设置项] | settings set 设置项 值（--user 管理员）| complaint|service|consent|tiers|suspicious（用法同不带 server 时，--user 登录名）| customer add|edit|list|close | change list|approve|reject | request list|reveal|approve|reject | reveal（--user 登录名）。</translation>
    </message>
</context>
<context>
    <name>ServerConnection</name>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed, so the branch server cannot be reached. Install the package libqt6sql6-psql.</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（QPSQL），无法连接网点服务器。请安装软件包 libqt6sql6-psql。</translation>
    </message>
    <message>
        <source>The file name %1 holds a &apos;;&apos;, which the database driver cannot pass on. Move the file.</source>
        <translation>文件名 %1 中含有“;”，数据库驱动无法传递。请移动该文件。</translation>
    </message>
    <message>
        <source>The workstation key&apos;s passphrase holds a &apos;;&apos;, which the database driver cannot pass on. Make the workstation&apos;s key again with branchvault-branch-ca.</source>
        <translation>工作站私钥的口令中含有“;”，数据库驱动无法传递。请用 branchvault-branch-ca 重新生成工作站私钥。</translation>
    </message>
    <message>
        <source>The connection to the branch server %1 is not encrypted, so BranchVault does not use it. Ask the branch&apos;s IT person to switch TLS on (docs/SERVER.md).</source>
        <translation>与网点服务器 %1 的连接未加密，BranchVault 不使用该连接。请网点 IT 人员开启 TLS（见 docs/SERVER.md）。</translation>
    </message>
    <message>
        <source>The branch server&apos;s certificate does not name the host %1. Connect with the host name the certificate was made for, or have a certificate made for this name (branchvault-branch-ca server).</source>
        <translation>网点服务器的证书中没有主机名 %1。请使用证书所签发的主机名连接，或为此名称重新签发证书（branchvault-branch-ca server）。</translation>
    </message>
    <message>
        <source>The server at %1 did not prove it is this branch&apos;s server: its certificate was not issued by the branch CA this workstation trusts, or it has expired. Check the address and the CA file with the branch&apos;s IT person; nothing was sent.</source>
        <translation>%1 上的服务器未能证明它是本网点的服务器：其证书不是本工作站信任的网点 CA 签发的，或已过期。请与网点 IT 人员核对地址和 CA 文件；未发送任何数据。</translation>
    </message>
    <message>
        <source>The workstation&apos;s key could not be opened: the passphrase does not open it, or the file is not the key of this workstation&apos;s certificate. Type the passphrase shown when the key was made, or have the workstation&apos;s certificate made again.</source>
        <translation>无法打开工作站私钥：口令不正确，或该文件不是本工作站证书对应的私钥。请输入生成私钥时显示的口令，或重新签发工作站证书。</translation>
    </message>
    <message>
        <source>A certificate file of this workstation cannot be read. Connect the workstation again (branchvault-cli server add-workstation).</source>
        <translation>无法读取本工作站的证书文件。请重新连接工作站（branchvault-cli server add-workstation）。</translation>
    </message>
    <message>
        <source>The branch server does not accept this workstation&apos;s certificate: it was not issued by the branch CA the server trusts, or it has expired or been revoked. Ask the branch&apos;s IT person for a new workstation certificate.</source>
        <translation>网点服务器不接受本工作站的证书：它不是服务器信任的网点 CA 签发的，或已过期、已吊销。请向网点 IT 人员申请新的工作站证书。</translation>
    </message>
    <message>
        <source>The server at %1 does not offer TLS, so BranchVault does not connect to it. Ask the branch&apos;s IT person to switch TLS on (docs/SERVER.md).</source>
        <translation>%1 上的服务器不提供 TLS，BranchVault 不与其连接。请网点 IT 人员开启 TLS（见 docs/SERVER.md）。</translation>
    </message>
    <message>
        <source>The branch server did not accept the login or the password.</source>
        <translation>网点服务器不接受该登录名或密码。</translation>
    </message>
    <message>
        <source>The branch server does not let this login connect from this workstation. Ask the branch&apos;s IT person to check the account and the server&apos;s access rules.</source>
        <translation>网点服务器不允许该登录名从本工作站连接。请网点 IT 人员检查账户和服务器的访问规则。</translation>
    </message>
    <message>
        <source>The branch server has no database named %1. Check the address.</source>
        <translation>网点服务器上没有名为 %1 的数据库。请检查地址。</translation>
    </message>
    <message>
        <source>The branch server %1 cannot be reached. Check the network and the address, or ask the branch&apos;s IT person whether the server is running.</source>
        <translation>无法连接网点服务器 %1。请检查网络和地址，或询问网点 IT 人员服务器是否在运行。</translation>
    </message>
    <message>
        <source>The branch server refused %1: this account may not do it.</source>
        <translation>网点服务器拒绝了%1：此账户无权执行。</translation>
    </message>
    <message>
        <source>The branch server refused %1: a value is not acceptable.</source>
        <translation>网点服务器拒绝了%1：有值不可接受。</translation>
    </message>
    <message>
        <source>Someone else changed this first, so %1 was not done. Reload and try again.</source>
        <translation>他人已先行更改，%1未执行。请重新加载后再试。</translation>
    </message>
    <message>
        <source>The branch server refused %1: it would make a duplicate.</source>
        <translation>网点服务器拒绝了%1：这会产生重复记录。</translation>
    </message>
    <message>
        <source>The connection to the branch server was lost during %1. Nothing was changed unless the server confirmed it; check the network and try again.</source>
        <translation>%1过程中与网点服务器的连接中断。除非服务器已确认，否则未做任何更改；请检查网络后重试。</translation>
    </message>
    <message>
        <source>The branch server reported an error during %1.</source>
        <translation>%1过程中网点服务器报告了错误。</translation>
    </message>
    <message>
        <source>the connection check</source>
        <translation>连接检查</translation>
    </message>
    <message>
        <source>the password&apos;s verifier</source>
        <translation>密码校验值的计算</translation>
    </message>
    <message>
        <source>The password&apos;s verifier for the branch server could not be computed: %1</source>
        <translation>无法计算网点服务器所用的密码校验值：%1</translation>
    </message>
    <message>
        <source>The branch server refused %1: a limit is reached (the reason follows).</source>
        <translation>网点服务器拒绝了%1：已达到上限（原因见后）。</translation>
    </message>
    <message>
        <source>The branch server found nothing for %1 in this branch. Check the number and reload the list.</source>
        <translation>%1时，网点服务器在本网点中没有找到对应的记录。请核对编号并重新加载列表。</translation>
    </message>
    <message>
        <source>The branch server found its data damaged and refused %1. Leave the server as it is, and report it to the information-security office.</source>
        <translation>网点服务器发现其数据已损坏，拒绝了%1。请保持服务器现状，并报告信息安全部门。</translation>
    </message>
    <message>
        <source>The branch server sent rows this program cannot read while %1. Ask the administrator whether the server is newer than this workstation&apos;s BranchVault.</source>
        <translation>%1时，网点服务器发来的数据本程序无法读取。请询问管理员服务器是否比本工作站的 BranchVault 版本更新。</translation>
    </message>
    <message>
        <source>The branch server cannot do %1 in its present state (the reason follows). Do what the reason names, then try again.</source>
        <translation>网点服务器当前状态下无法进行%1（原因见下）。请按原因所述处理后重试。</translation>
    </message>
    <message>
        <source>The branch server&apos;s schema is older than this workstation: %1 needs a part of the server that a later release added. Ask the branch&apos;s IT person to upgrade the server (branchvault-cli server upgrade, docs/SERVER.md); the rest of the work goes on meanwhile.</source>
        <translation>网点服务器的数据库结构比本工作站旧：%1 需要服务器在较新版本中增加的部分。请网点 IT 人员升级服务器（branchvault-cli server upgrade，见 docs/SERVER.md）；其他工作可以照常进行。</translation>
    </message>
</context>
<context>
    <name>ServerCredentials</name>
    <message>
        <source>login: 2 to 32 characters, lower-case letters, digits, dot, dash or underscore, starting with a letter.</source>
        <translation>登录名：2 至 32 个字符，只能是小写字母、数字、点、连字符或下划线，并以字母开头。</translation>
    </message>
    <message>
        <source>login: together with the database&apos;s name (%1) it is too long for the branch server (at most 60 characters in all). Choose a shorter login.</source>
        <translation>登录名：与数据库名（%1）合起来超出网点服务器的长度限制（合计不超过 60 个字符）。请选用更短的登录名。</translation>
    </message>
    <message>
        <source>Not enough memory to derive the branch server&apos;s password. Close other programs and try again.</source>
        <translation>内存不足，无法派生网点服务器密码。请关闭其他程序后重试。</translation>
    </message>
</context>
<context>
    <name>ServerCustomerCommands</name>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Customer %1 was entered on the branch server. Change %2 is pending approval by a branch manager (not you).</source>
        <translation>客户 %1 已在网点服务器上录入。变更 %2 待网点负责人（非本人）复核。</translation>
    </message>
    <message>
        <source>No customers to show.</source>
        <translation>没有可显示的客户。</translation>
    </message>
    <message>
        <source>Change %1 (%2) of customer %3: %4</source>
        <translation>客户 %3 的变更 %1（%2）：%4</translation>
    </message>
    <message>
        <source>No change is waiting for approval.</source>
        <translation>没有待复核的变更。</translation>
    </message>
    <message>
        <source>server change %1 needs the change&apos;s number (server change list shows it) and --reason TEXT.</source>
        <translation>server change %1 需要变更编号（server change list 可查看）和 --reason 理由。</translation>
    </message>
    <message>
        <source>Give the reason for the decision with --reason TEXT.</source>
        <translation>请用 --reason 理由 填写处理理由。</translation>
    </message>
    <message>
        <source>Change %1 is approved.</source>
        <translation>变更 %1 已批准。</translation>
    </message>
    <message>
        <source>Change %1 is rejected.</source>
        <translation>变更 %1 已驳回。</translation>
    </message>
    <message>
        <source>server request reveal needs the customer number, --fields F1,F2 (grade-1 fields) and --purpose TEXT.</source>
        <translation>server request reveal 需要客户号、--fields 字段1,字段2（一级字段）和 --purpose 用途。</translation>
    </message>
    <message>
        <source>--hours is the validity asked for, a whole number of hours from 1 to 72.</source>
        <translation>--hours 是申请的有效期，为 1 至 72 之间的整数小时。</translation>
    </message>
    <message>
        <source>Request %1 to see %2 of customer %3 in full is filed and waits for a branch manager&apos;s decision.</source>
        <translation>查看客户 %3 的 %2 完整信息的申请 %1 已提交，等待网点负责人审批。</translation>
    </message>
    <message>
        <source>server request %1 needs the request&apos;s number and --reason TEXT.</source>
        <translation>server request %1 需要申请编号和 --reason 理由。</translation>
    </message>
    <message>
        <source>Request %1 is approved.</source>
        <translation>申请 %1 已批准。</translation>
    </message>
    <message>
        <source>Request %1 is rejected.</source>
        <translation>申请 %1 已驳回。</translation>
    </message>
    <message>
        <source>server reveal needs the number of your approved request, the customer number and --fields F1,F2.</source>
        <translation>server reveal 需要您已获批申请的编号、客户号和 --fields 字段1,字段2。</translation>
    </message>
    <message>
        <source>server customer lookup needs the full name (--name), the full ID number (--id) and the purpose (--purpose TEXT).</source>
        <translation>server customer lookup 需要完整姓名（--name）、完整证件号码（--id）和用途（--purpose 用途）。</translation>
    </message>
    <message>
        <source>server customer show needs the customer number.</source>
        <translation>server customer show 需要客户号。</translation>
    </message>
    <message>
        <source>Request %1 (%2, %3) by %4: %5; purpose: %6</source>
        <translation>申请 %1（%2，%3），申请人 %4：%5；用途：%6</translation>
    </message>
    <message>
        <source>; valid until %1</source>
        <translation>；有效期至 %1</translation>
    </message>
    <message>
        <source>No open requests.</source>
        <translation>没有未结的申请。</translation>
    </message>
    <message>
        <source>No requests.</source>
        <translation>没有申请。</translation>
    </message>
    <message>
        <source>[re-key: %1]</source>
        <translation>[须重新录入：%1]</translation>
    </message>
    <message>
        <source>server customer edit needs the customer number.</source>
        <translation>server customer edit 需要客户号。</translation>
    </message>
    <message>
        <source>An edit does not change the customer manager: the branch manager transfers the customer. Leave &quot;manager&quot; out.</source>
        <translation>修改不会变更客户经理：客户移交由网点负责人办理。请去掉 &quot;manager&quot;。</translation>
    </message>
    <message>
        <source>The edit of customer %1 was sent to the branch server. Change %2 is pending approval by a branch manager (not you).</source>
        <translation>客户 %1 的修改已提交到网点服务器。变更 %2 等待网点负责人（非本人）复核。</translation>
    </message>
    <message>
        <source>%1, given as &quot;manager&quot;, is not an active customer manager of the branch. Give the login of one.</source>
        <translation>“manager”中给出的 %1 不是本网点在用的客户经理。请给出在用客户经理的登录名。</translation>
    </message>
    <message>
        <source>Only the branch manager names the responsible customer manager; the customers you enter are your own. Leave &quot;manager&quot; out.</source>
        <translation>只有网点负责人可以指定负责的客户经理；您录入的客户由您本人负责。请去掉 &quot;manager&quot;。</translation>
    </message>
    <message>
        <source>server customer history needs the customer number.</source>
        <translation>server customer history 需要客户号。</translation>
    </message>
    <message>
        <source>server customer close needs the customer number and --reason TEXT (for example: the customer closed every account).</source>
        <translation>server customer close 需要客户号和 --reason 理由（例如：客户已销全部账户）。</translation>
    </message>
    <message>
        <source>Customer %1 is closed on the branch server. Its record is kept until %2 (the retention period).</source>
        <translation>客户 %1 已在网点服务器上销户。其记录保存至 %2（保存期限）。</translation>
    </message>
    <message>
        <source>Use: server customer add [--file F.json] | customer list [--after NO] | customer show NO | customer history NO | customer edit NO [--file F.json] | customer close NO --reason TEXT | customer lookup --name NAME --id ID --purpose TEXT | change list | change approve|reject ID --reason TEXT | request list [--open] | request reveal NO --fields F1,F2 --purpose TEXT [--hours N] | request approve|reject ID --reason TEXT | reveal REQUEST NO --fields F1,F2 (each with --user LOGIN, the password on standard input).</source>
        <translation>用法：server customer add [--file 文件.json] | customer list [--after 客户号] | customer show 客户号 | customer history 客户号 | customer edit 客户号 [--file 文件.json] | customer close 客户号 --reason 理由 | customer lookup --name 姓名 --id 证件号码 --purpose 用途 | change list | change approve|reject 编号 --reason 理由 | request list [--open] | request reveal 客户号 --fields 字段1,字段2 --purpose 用途 [--hours 小时数] | request approve|reject 编号 --reason 理由 | reveal 申请编号 客户号 --fields 字段1,字段2（均需 --user 登录名，密码从标准输入读取）。</translation>
    </message>
</context>
<context>
    <name>ServerCustomers</name>
    <message>
        <source>Change the one-time password first, with the confirmation code from the branch manager: it opens the customer-information keys.</source>
        <translation>请先修改一次性密码，并输入网点负责人给出的确认码：它用于打开客户信息密钥。</translation>
    </message>
    <message>
        <source>This account holds no customer-information keys yet: a branch manager confirms it first.</source>
        <translation>此账户尚未持有客户信息密钥：须先由网点负责人确认。</translation>
    </message>
    <message>
        <source>%1 accounts do not work with customer information.</source>
        <translation>%1账户不处理客户信息。</translation>
    </message>
    <message>
        <source>entering a customer on the branch server</source>
        <translation>在网点服务器上录入客户</translation>
    </message>
    <message>
        <source>The branch server gave no customer number. Ask the administrator to check the server.</source>
        <translation>网点服务器未给出客户号。请联系系统管理员检查服务器。</translation>
    </message>
    <message>
        <source>The branch server did not confirm the entry. List the changes waiting for approval before entering the customer again.</source>
        <translation>网点服务器未确认此次录入。再次录入该客户之前，请先查看待复核的变更。</translation>
    </message>
    <message>
        <source>reading the changes waiting for approval</source>
        <translation>读取待复核的变更</translation>
    </message>
    <message>
        <source>approving change %1</source>
        <translation>批准变更 %1</translation>
    </message>
    <message>
        <source>rejecting change %1</source>
        <translation>驳回变更 %1</translation>
    </message>
    <message>
        <source>listing customers</source>
        <translation>列出客户</translation>
    </message>
    <message>
        <source>filing a request to see customer %1 in full</source>
        <translation>提交查看客户 %1 完整信息的申请</translation>
    </message>
    <message>
        <source>The branch server did not confirm the request. List your requests before filing it again.</source>
        <translation>网点服务器未确认该申请。再次提交之前，请先查看您的申请列表。</translation>
    </message>
    <message>
        <source>approving request %1</source>
        <translation>批准申请 %1</translation>
    </message>
    <message>
        <source>rejecting request %1</source>
        <translation>驳回申请 %1</translation>
    </message>
    <message>
        <source>showing customer %1 in full</source>
        <translation>显示客户 %1 的完整信息</translation>
    </message>
    <message>
        <source>The branch server&apos;s answer to %1 cannot be read.</source>
        <translation>无法读取网点服务器对“%1”的应答。</translation>
    </message>
    <message>
        <source>Type the customer&apos;s full name.</source>
        <translation>请输入客户的完整姓名。</translation>
    </message>
    <message>
        <source>Type the customer&apos;s full ID number.</source>
        <translation>请输入客户的完整证件号码。</translation>
    </message>
    <message>
        <source>State the purpose of the lookup (for example: verifying the customer at the counter).</source>
        <translation>请说明查询目的（例如：在柜面核实客户身份）。</translation>
    </message>
    <message>
        <source>Type the full name and the full ID number as the ID document shows them.</source>
        <translation>请按证件所示输入完整姓名和完整证件号码。</translation>
    </message>
    <message>
        <source>looking up a customer</source>
        <translation>查询客户</translation>
    </message>
    <message>
        <source>The branch server sent a status this program does not know while %1. Ask the administrator whether the server is newer than this workstation&apos;s BranchVault.</source>
        <translation>%1时，网点服务器发来本程序不认识的状态。请向系统管理员确认服务器是否比本工作站的 BranchVault 更新。</translation>
    </message>
    <message>
        <source>The branch server sent change %1 in a form this program cannot read; it is not shown, so that it is not decided unseen. Ask the administrator to check the server.</source>
        <translation>网点服务器发来的变更 %1 格式无法读取，因此不予显示，以免在未看清内容的情况下被处理。请联系系统管理员检查服务器。</translation>
    </message>
    <message>
        <source>The reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>The purpose</source>
        <translation>用途说明</translation>
    </message>
    <message>
        <source>The branch server&apos;s answer to %1 holds a value that was not asked for. Nothing is shown. Report it to the information-security office.</source>
        <translation>网点服务器对“%1”的应答中包含未申请的值。不显示任何内容。请报告信息安全部门。</translation>
    </message>
    <message>
        <source>A value the branch server returned for customer %1 (field %2) was sealed with key generation %3, but the branch&apos;s keys here are generation %4. Nothing is shown. Report it to the administrator: the server&apos;s keys and its values do not match.</source>
        <translation>网点服务器返回的客户 %1（字段 %2）的值由第 %3 代密钥加密，而本工作站持有的本网点密钥为第 %4 代。不显示任何内容。请报告系统管理员：服务器上的密钥与数据不一致。</translation>
    </message>
    <message>
        <source>A value the branch server returned for customer %1 (field %2) does not open with this branch&apos;s key: it was changed or moved on the server. Nothing is shown. Report it to the information-security office.</source>
        <translation>网点服务器返回的客户 %1（字段 %2）的值无法用本网点的密钥解开：它在服务器上被修改或挪动过。不显示任何内容。请报告信息安全部门。</translation>
    </message>
    <message>
        <source>opening customer %1</source>
        <translation>打开客户 %1</translation>
    </message>
    <message>
        <source>There is no customer %1 that this account may open. Check the customer number.</source>
        <translation>没有此账户可以打开的客户 %1。请核对客户号。</translation>
    </message>
    <message>
        <source>listing the open special requests</source>
        <translation>列出未结的专项事务申请</translation>
    </message>
    <message>
        <source>listing special requests</source>
        <translation>列出专项事务申请</translation>
    </message>
    <message>
        <source>The branch server sent request %1 with a type this program does not know. Ask the administrator whether the server is newer than this workstation&apos;s BranchVault.</source>
        <translation>网点服务器发来的申请 %1 属于本程序不认识的类型。请向系统管理员确认服务器是否比本工作站的 BranchVault 更新。</translation>
    </message>
    <message>
        <source>The branch server asks for a value of change %1 that this program does not re-key. Ask the administrator whether the server is newer than this workstation&apos;s BranchVault.</source>
        <translation>网点服务器要求为变更 %1 录入本程序不支持重新录入的字段。请询问系统管理员服务器是否比本工作站的 BranchVault 版本更新。</translation>
    </message>
    <message>
        <source>What you typed from the customer&apos;s document does not match the record: %1. Check the document and type it again; if it still differs, reject the change so that its maker corrects it.</source>
        <translation>您按客户证件录入的内容与记录不符：%1。请核对证件后重新录入；如仍不符，请驳回该变更，由经办人更正。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>To approve change %1, type from the customer&apos;s document: %2. The values are compared with the record without showing it.</source>
        <translation>批准变更 %1 前，请按客户证件录入：%2。系统将在不显示记录内容的情况下与记录比对。</translation>
    </message>
    <message>
        <source>reading the branch&apos;s mask settings</source>
        <translation>读取本网点的遮盖设置</translation>
    </message>
    <message>
        <source>%1 accounts do not enter customers: a customer manager enters his or her own customers.</source>
        <translation>%1账户不录入客户：客户经理录入本人负责的客户。</translation>
    </message>
    <message>
        <source>Customer %1 is not one of your customers (or no longer: the branch manager may have given it to another customer manager). Nothing was sent; ask its customer manager or the branch manager.</source>
        <translation>客户 %1 不是（或已不再是）您负责的客户：网点负责人可能已将其移交给其他客户经理。未提交任何内容；请联系其客户经理或网点负责人。</translation>
    </message>
    <message>
        <source>Customer %1 is restricted (重点保密): only its own customer manager and the branch manager act on it. Nothing was sent.</source>
        <translation>客户 %1 为重点保密客户：只有其客户经理和网点负责人可以办理。未提交任何内容。</translation>
    </message>
    <message>
        <source>Customer %1 was changed by someone else after you opened it: it is at version %2 now, your edit was made on version %3 (an approved edit or a change of customer manager came first). Nothing was sent; open the customer again and make the edit on what it holds now.</source>
        <translation>客户 %1 在您打开之后已被他人修改：当前为第 %2 版，您的修改基于第 %3 版（已有修改获批或客户经理已变更）。未提交任何内容；请重新打开该客户，在当前内容上再作修改。</translation>
    </message>
    <message>
        <source>An earlier change of customer %1 is still waiting for a branch manager&apos;s decision. Nothing was sent; edit again once it is decided.</source>
        <translation>客户 %1 的上一项变更仍在等待网点负责人复核。未提交任何内容；复核完成后再修改。</translation>
    </message>
    <message>
        <source>Customer %1 is no longer active, so it cannot be edited. Open it again to see its state.</source>
        <translation>客户 %1 已不是有效状态，不能修改。请重新打开查看其状态。</translation>
    </message>
    <message>
        <source>On the branch server a stored %1 is replaced, never erased: type the new value, or leave the field empty to keep the stored one.</source>
        <translation>在网点服务器上，已保存的%1只能替换，不能清除：请输入新值，或留空以保留原值。</translation>
    </message>
    <message>
        <source>To change the ID type, the birth date or the sex, type the customer&apos;s ID number again from the identity document: this workstation reads the stored number masked only, and checks the others against it.</source>
        <translation>要修改证件类型、出生日期或性别，请按身份证件重新输入客户的证件号码：本工作站只能读取脱敏后的证件号码，需据此核对其他各项。</translation>
    </message>
    <message>
        <source>Nothing was changed: every value is the same as in the record. Type what changes, then save.</source>
        <translation>没有任何修改：所有值都与记录相同。请输入需要修改的内容后再保存。</translation>
    </message>
    <message>
        <source>%1 accounts do not edit customers: the customer manager responsible, or the branch manager, does.</source>
        <translation>%1账户不能修改客户信息：由负责的客户经理或网点负责人修改。</translation>
    </message>
    <message>
        <source>editing customer %1</source>
        <translation>修改客户 %1</translation>
    </message>
    <message>
        <source>The branch server did not confirm the edit. Open the customer again before editing it again.</source>
        <translation>网点服务器未确认此次修改。请重新打开该客户后再修改。</translation>
    </message>
    <message>
        <source>reading the suspicious pairs</source>
        <translation>读取可疑客户对</translation>
    </message>
    <message>
        <source>The branch server sent a kind of suspicious pair this program does not know while %1. Ask the administrator whether the server is newer than this workstation&apos;s BranchVault.</source>
        <translation>%1时，网点服务器发来了本程序不认识的可疑客户对类型。请询问管理员服务器是否比本工作站的 BranchVault 版本更新。</translation>
    </message>
    <message>
        <source>Give the reason why the pair is in order (for example: husband and wife share the phone).</source>
        <translation>请说明该可疑客户对并无问题的原因（例如：夫妻共用同一电话）。</translation>
    </message>
    <message>
        <source>clearing suspicious pair %1</source>
        <translation>排除可疑客户对 %1</translation>
    </message>
    <message>
        <source>Choose the customer manager who will be responsible for this customer.</source>
        <translation>请选择负责该客户的客户经理。</translation>
    </message>
    <message>
        <source>There is no customer %1 in this branch. Check the customer number.</source>
        <translation>本网点没有客户 %1。请核对客户号。</translation>
    </message>
    <message>
        <source>reading the history of customer %1</source>
        <translation>读取客户 %1 的历史记录</translation>
    </message>
    <message>
        <source>The branch server sent the history of customer %1 in a form this program cannot read. Ask the administrator to check the server.</source>
        <translation>网点服务器发来的客户 %1 的历史记录格式无法识别。请联系管理员检查服务器。</translation>
    </message>
    <message>
        <source>Give the customer number.</source>
        <translation>请填写客户号。</translation>
    </message>
    <message>
        <source>closing customer %1</source>
        <translation>为客户 %1 销户</translation>
    </message>
    <message>
        <source>Only a branch manager closes customers. Ask the branch manager to close customer %1.</source>
        <translation>只有网点负责人可以办理客户销户。请网点负责人为客户 %1 销户。</translation>
    </message>
    <message>
        <source>Customer %1 cannot be closed: only an active customer can be (the server&apos;s reason follows). Reload the customer to see its status.</source>
        <translation>客户 %1 不能销户：只有有效客户可以销户（服务器给出的原因见下）。请重新打开该客户查看其状态。</translation>
    </message>
    <message>
        <source>The branch server closed customer %1 but did not say until when its record is kept. Open the customer&apos;s history to check it.</source>
        <translation>网点服务器已为客户 %1 销户，但未返回记录的保存期限。请打开该客户的历史记录核对。</translation>
    </message>
</context>
<context>
    <name>ServerDrafts</name>
    <message>
        <source>This draft is no longer kept (it was discarded, or it expired after 7 days). Fill in the form again.</source>
        <translation>此草稿已不再保存（已被丢弃，或已超过 7 天过期）。请重新填写表单。</translation>
    </message>
    <message>
        <source>Only a branch manager or a customer manager keeps drafts of customer forms.</source>
        <translation>只有网点负责人或客户经理可以保存客户表单草稿。</translation>
    </message>
    <message>
        <source>The customer-information keys are not open in this session, so no draft can be sealed or opened. Sign in again.</source>
        <translation>本次会话未打开客户信息密钥，无法封存或打开草稿。请重新登录。</translation>
    </message>
    <message>
        <source>Only the new-customer form is kept as a draft over the branch server; this form is not.</source>
        <translation>服务器模式下只保存新客户表单的草稿，此表单不保存草稿。</translation>
    </message>
    <message>
        <source>A draft holds between 1 and %1 characters.</source>
        <translation>草稿长度须在 1 到 %1 个字符之间。</translation>
    </message>
    <message>
        <source>keeping the form as a draft</source>
        <translation>保存表单草稿</translation>
    </message>
    <message>
        <source>The branch server did not confirm %1.</source>
        <translation>网点服务器未确认%1。</translation>
    </message>
    <message>
        <source>listing your drafts</source>
        <translation>列出您的草稿</translation>
    </message>
    <message>
        <source>restoring your draft</source>
        <translation>恢复您的草稿</translation>
    </message>
    <message>
        <source>This draft was sealed with the branch&apos;s customer-information keys of generation %1; the keys open now are of generation %2. It cannot be restored: fill in the form again and discard the draft.</source>
        <translation>此草稿是用本网点第 %1 代客户信息密钥封存的，当前打开的是第 %2 代密钥，因此无法恢复：请重新填写表单并丢弃该草稿。</translation>
    </message>
    <message>
        <source>This draft does not open as yours (it was altered or moved on the server). It is not restored; discard it and tell the information-security office.</source>
        <translation>此草稿无法作为您的草稿打开（已在服务器上被改动或挪动），因此不予恢复；请丢弃该草稿并报告信息安全部门。</translation>
    </message>
    <message>
        <source>discarding your draft</source>
        <translation>丢弃您的草稿</translation>
    </message>
    <message>
        <source>discarding the form&apos;s draft</source>
        <translation>丢弃该表单的草稿</translation>
    </message>
</context>
<context>
    <name>ServerOutbox</name>
    <message>
        <source>This workstation keeps no offline outbox yet: offline entry needs one sign-in with the branch server at this workstation first.</source>
        <translation>本工作站还没有离线待发箱：离线录入需要先在本工作站连接网点服务器登录一次。</translation>
    </message>
    <message>
        <source>The key of this workstation&apos;s offline outbox could not be read from %1: %2 The outbox %3 is left as it is; ask the administrator before anything is removed.</source>
        <translation>无法从%1读取本工作站离线待发箱的密钥：%2 待发箱 %3 保持原样；删除任何内容之前请先询问管理员。</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>This workstation&apos;s offline outbox %1 could not be opened; it is left as it is. %2</source>
        <translation>无法打开本工作站的离线待发箱 %1，它保持原样。%2</translation>
    </message>
    <message>
        <source>Reading the offline outbox</source>
        <translation>读取离线待发箱</translation>
    </message>
    <message numerus="yes">
        <source>This workstation&apos;s offline outbox still holds %n new customers not sent to the branch server. Sign in as their makers with the server reachable so that they are sent, or have the makers discard them; then try again.</source>
        <translation>
            <numerusform>本工作站的离线待发箱中仍有 %n 名新客户尚未发送到网点服务器。请让录入人在服务器可连接时登录以发送这些条目，或由录入人弃用它们；然后再试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The outbox holds no entry %1 of yours.</source>
        <translation>待发箱中没有您的条目 %1。</translation>
    </message>
    <message>
        <source>recording the discarded outbox entry</source>
        <translation>记录弃用的待发条目</translation>
    </message>
    <message>
        <source>sending the offline outbox</source>
        <translation>发送离线待发箱</translation>
    </message>
    <message>
        <source>This entry was sealed with the branch&apos;s customer-information keys of generation %1; the keys open now are of generation %2. Enter the customer again, then discard this entry.</source>
        <translation>该条目用本网点第 %1 代客户信息密钥封存；当前打开的是第 %2 代密钥。请重新录入该客户，然后弃用此条目。</translation>
    </message>
    <message>
        <source>This entry does not open with your keys: it was altered or copied. Enter the customer again, then discard this entry, and report it to the information-security office.</source>
        <translation>该条目无法用您的密钥打开：它已被篡改或复制。请重新录入该客户，然后弃用此条目，并报告信息安全部门。</translation>
    </message>
    <message>
        <source>This entry cannot be read. Enter the customer again, then discard this entry.</source>
        <translation>该条目无法读取。请重新录入该客户，然后弃用此条目。</translation>
    </message>
    <message>
        <source>Offline entry is not available for %1 at this workstation: it needs one sign-in with the branch server here first, as a customer manager.</source>
        <translation>%1 在本工作站无法离线录入：需要先以客户经理身份在本工作站连接网点服务器登录一次。</translation>
    </message>
    <message>
        <source>Offline sign-in for %1 is closed at this workstation after %2 wrong passwords in a row. Sign in when the branch server can be reached again.</source>
        <translation>%1 连续 %2 次密码错误，本工作站已关闭其离线登录。请在网点服务器恢复连接后登录。</translation>
    </message>
    <message>
        <source>Offline sign-in for %1 ended: the last sign-in with the branch server at this workstation was more than %2 days ago. Sign in when the server can be reached again.</source>
        <translation>%1 的离线登录已失效：上次在本工作站连接网点服务器登录已超过 %2 天。请在服务器恢复连接后登录。</translation>
    </message>
    <message>
        <source>The login or the password is wrong (offline sign-in against this workstation&apos;s copy of the key slot).</source>
        <translation>登录名或密码错误（离线登录，核对本工作站保存的密钥槽副本）。</translation>
    </message>
    <message>
        <source>A customer with this ID number is in your outbox already (entry %1). Check that entry instead of entering the customer twice.</source>
        <translation>您的待发箱中已有该证件号码的客户（条目 %1）。请核对该条目，不要重复录入。</translation>
    </message>
    <message>
        <source>Your outbox holds %1 entries, its limit. Sign in when the branch server can be reached so that they are sent.</source>
        <translation>您的待发箱已有 %1 个条目，达到上限。请在网点服务器可连接时登录，以便发送这些条目。</translation>
    </message>
    <message>
        <source>This workstation&apos;s offline outbox holds records of offline sign-ins not yet written to the branch&apos;s audit log (%1). Have each of them sign in once with the server reachable; then try again.</source>
        <translation>本工作站的离线暂存箱中有尚未写入本网点审计日志的离线登录记录（%1）。请让他们各自在服务器可连接时登录一次，然后再试。</translation>
    </message>
    <message>
        <source>This entry went to the branch server earlier as customer %1, which you cannot open now (rejected, or given to another customer manager); it is not sent again. Ask the branch manager about customer %1, then discard this entry.</source>
        <translation>该条目此前已作为客户 %1 发送到网点服务器，您现在无法打开该客户（已被驳回或已转给其他客户经理），因此不再重复发送。请向网点负责人询问客户 %1，然后弃用此条目。</translation>
    </message>
    <message>
        <source>The branch server %1 answers, so there is no offline sign-in: sign in to the server. If it refused the sign-in, the reason is above; ask the branch&apos;s IT person if it is not clear.</source>
        <translation>网点服务器 %1 有响应，因此不能离线登录：请登录服务器。如服务器拒绝了登录，原因见上文；如不清楚，请询问网点的信息技术人员。</translation>
    </message>
    <message>
        <source>This service record cannot be read. Record it again, then discard this entry.</source>
        <translation>无法读取这条服务记录。请重新登记，然后丢弃此条目。</translation>
    </message>
</context>
<context>
    <name>ServerOwnership</name>
    <message>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>托管</translation>
    </message>
    <message>
        <source>Return from custody</source>
        <translation>提前结束托管</translation>
    </message>
    <message>
        <source>Reclaim</source>
        <translation>收回</translation>
    </message>
    <message>
        <source>Give the customer number.</source>
        <translation>请填写客户号。</translation>
    </message>
    <message>
        <source>The reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Choose the customer manager who is to take the customer.</source>
        <translation>请选择接手该客户的客户经理。</translation>
    </message>
    <message>
        <source>changing the customer manager of customer %1</source>
        <translation>更换客户 %1 的客户经理</translation>
    </message>
    <message>
        <source>Only a branch manager gives customers to customer managers. Ask the branch manager to make this change.</source>
        <translation>只有网点负责人可以将客户分配给客户经理。请由网点负责人办理此项调整。</translation>
    </message>
    <message>
        <source>The branch server refused the customer manager: the custodian must be another active customer manager account of this branch than the customer&apos;s own (the server&apos;s reason follows). Choose another customer manager.</source>
        <translation>网点服务器拒绝了所选客户经理：托管人必须是本网点另一个在用的客户经理账户，而不是该客户自己的客户经理（服务器给出的原因附后）。请选择其他客户经理。</translation>
    </message>
    <message>
        <source>The branch server refused the customer manager: it must be an active customer manager account of this branch (the server&apos;s reason follows). Choose another customer manager.</source>
        <translation>网点服务器拒绝了所选客户经理：必须是本网点在用的客户经理账户（服务器给出的原因附后）。请选择其他客户经理。</translation>
    </message>
    <message numerus="yes">
        <source>The custody end date must be today or a later date, at most %n days ahead (branch time). Choose the last day of the custody.</source>
        <translation>
            <numerusform>托管结束日期必须是今天或之后、最多 %n 天以内的日期（网点时间）。请选择托管的最后一天。</numerusform>
        </translation>
    </message>
    <message>
        <source>The branch server refused the reason (its reason follows). Correct the reason and try again.</source>
        <translation>网点服务器拒绝了所填原因（服务器给出的原因附后）。请修改原因后重试。</translation>
    </message>
    <message>
        <source>The branch server refused &quot;%1&quot; for customer %2: it does not fit the customer&apos;s state now (the server&apos;s reason follows). Reload the customer and choose the change that fits it.</source>
        <translation>网点服务器拒绝了对客户 %2 的“%1”：与该客户当前的状态不符（服务器给出的原因附后）。请重新加载该客户，并选择与之相符的调整方式。</translation>
    </message>
    <message>
        <source>reading the reassignment list</source>
        <translation>读取待重新分配客户清单</translation>
    </message>
    <message>
        <source>Only a branch manager reads the reassignment list.</source>
        <translation>只有网点负责人可以查看待重新分配客户清单。</translation>
    </message>
    <message>
        <source>listing the branch&apos;s customer managers</source>
        <translation>列出本网点的客户经理</translation>
    </message>
    <message>
        <source>reading the tier changes</source>
        <translation>读取客户等级调整</translation>
    </message>
    <message>
        <source>Only a branch manager confirms tier changes.</source>
        <translation>只有网点负责人可以确认客户等级调整。</translation>
    </message>
    <message>
        <source>The branch server sent a tier change in an unknown state (%1) while %2. Ask the administrator to check the server&apos;s set-up.</source>
        <translation>网点服务器在%2时发来一条状态未知（%1）的客户等级调整。请管理员检查服务器的设置。</translation>
    </message>
    <message>
        <source>confirming tier change %1</source>
        <translation>确认客户等级调整 %1</translation>
    </message>
    <message>
        <source>rejecting tier change %1</source>
        <translation>驳回客户等级调整 %1</translation>
    </message>
    <message>
        <source>There is no tier change %1. Reload the list.</source>
        <translation>不存在客户等级调整 %1。请重新载入列表。</translation>
    </message>
    <message>
        <source>Tier change %1 cannot be confirmed: it was decided meanwhile, or the customer&apos;s assets, tier or state changed after it was computed (the server&apos;s reason follows). Reload the list; keep the current tier if the change no longer fits.</source>
        <translation>客户等级调整 %1 不能确认：它已被他人处理，或客户的资产、等级或状态在计算后已变化（服务器给出的原因见下）。请重新载入列表；不再适用的调整请保留当前客户等级。</translation>
    </message>
    <message>
        <source>Tier change %1 was decided meanwhile, or changed under you (the server&apos;s reason follows). Reload the list.</source>
        <translation>客户等级调整 %1 已被他人处理或已变化（服务器给出的原因见下）。请重新载入列表。</translation>
    </message>
</context>
<context>
    <name>ServerOwnershipCommands</name>
    <message>
        <source>server customer %1 needs the customer number (server customer list shows it).</source>
        <translation>server customer %1 需要客户号（server customer list 可查看）。</translation>
    </message>
    <message>
        <source>server customer return ends a custody early; it takes only the customer number (no --manager, --until-date or --reason).</source>
        <translation>server customer return 用于提前结束托管，只需客户号（不带 --manager、--until-date 或 --reason）。</translation>
    </message>
    <message>
        <source>server customer %1 needs --manager LOGIN (the customer manager who takes the customer).</source>
        <translation>server customer %1 需要 --manager 登录名（接手该客户的客户经理）。</translation>
    </message>
    <message>
        <source>server customer custody needs --until-date YYYY-MM-DD: the last day of the custody (branch time).</source>
        <translation>server customer custody 需要 --until-date YYYY-MM-DD：托管的最后一天（网点时间）。</translation>
    </message>
    <message>
        <source>--until-date is for server customer custody only.</source>
        <translation>--until-date 仅用于 server customer custody。</translation>
    </message>
    <message>
        <source>server customer %1 needs --reason TEXT (for example: staff change, leave).</source>
        <translation>server customer %1 需要 --reason 文本（例如：人员变动、休假）。</translation>
    </message>
    <message>
        <source>Customer %1 is assigned to %2.</source>
        <translation>客户 %1 已分配给 %2。</translation>
    </message>
    <message>
        <source>Customer %1 was transferred to %2.</source>
        <translation>客户 %1 已移交给 %2。</translation>
    </message>
    <message>
        <source>Customer %1 is in the custody of %2 until the end of %3 (branch time); then it returns to its customer manager by itself.</source>
        <translation>客户 %1 由 %2 托管至 %3 结束（网点时间）；到期后将自动归还原客户经理。</translation>
    </message>
    <message>
        <source>The custody of customer %1 ended; the customer is back with its customer manager.</source>
        <translation>客户 %1 的托管已结束；该客户已归还原客户经理。</translation>
    </message>
    <message>
        <source>Customer %1 was reclaimed for %2.</source>
        <translation>客户 %1 已收回并交给 %2。</translation>
    </message>
    <message>
        <source>no customer manager</source>
        <translation>无客户经理</translation>
    </message>
    <message>
        <source>held by %1 (frozen)</source>
        <translation>由 %1 持有（已冻结）</translation>
    </message>
    <message>
        <source>No customer needs a new customer manager.</source>
        <translation>没有需要重新分配客户经理的客户。</translation>
    </message>
</context>
<context>
    <name>ServerSession</name>
    <message>
        <source>The branch server has no setting %1. Ask the administrator to check the server&apos;s set-up.</source>
        <translation>网点服务器没有设置项 %1。请系统管理员检查服务器的设置。</translation>
    </message>
    <message>
        <source>reading the key slot settings</source>
        <translation>读取密钥槽设置</translation>
    </message>
    <message>
        <source>The login or the password is wrong, or the account is frozen.</source>
        <translation>登录名或密码错误，或账户已冻结。</translation>
    </message>
    <message>
        <source>signing in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>%1 is not an active staff account of this branch server.</source>
        <translation>%1 不是本网点服务器上的有效员工账户。</translation>
    </message>
    <message>
        <source>The password signed in to the branch server but does not open this account&apos;s key slot there. Ask a branch manager to confirm a password reset.</source>
        <translation>该密码可以登录网点服务器，但打不开本账户在服务器上的密钥槽。请网点负责人确认一次密码重置。</translation>
    </message>
    <message>
        <source>creating the account %1</source>
        <translation>建立账户 %1</translation>
    </message>
    <message>
        <source>confirming the account %1</source>
        <translation>确认账户 %1</translation>
    </message>
    <message>
        <source>The branch server holds no recovery key slot. Ask the administrator to check the server&apos;s set-up.</source>
        <translation>网点服务器上没有恢复密钥槽。请系统管理员检查服务器的设置。</translation>
    </message>
    <message>
        <source>This session holds no customer-information keys, so it cannot give the account %1 its key slot. A branch manager confirms it, or — for the first or the last branch manager — confirm it with the recovery passphrase.</source>
        <translation>本会话不持有客户信息密钥，无法为账户 %1 写入密钥槽。请由网点负责人确认；如为第一位或最后一位网点负责人，请用恢复口令确认。</translation>
    </message>
    <message>
        <source>changing the password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>新密码必须与当前密码不同。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>This account has no key slot on the branch server yet: a branch manager confirms it first.</source>
        <translation>此账户在网点服务器上尚无密钥槽：须先由网点负责人确认。</translation>
    </message>
    <message>
        <source>Type the confirmation code the branch manager gave you when confirming this account: it opens your access to customer information.</source>
        <translation>请输入网点负责人确认此账户时交给您的确认码：它用于开通您对客户信息的访问。</translation>
    </message>
    <message>
        <source>Nothing waits for confirmation for the account %1. Check the login with the administrator.</source>
        <translation>账户 %1 没有待确认的变更。请与系统管理员核对登录名。</translation>
    </message>
    <message>
        <source>reading the branch&apos;s audit log</source>
        <translation>读取本网点的审计日志</translation>
    </message>
    <message>
        <source>The branch server does not name its database, so its audit log cannot be verified. Ask the administrator to check the server&apos;s set-up.</source>
        <translation>网点服务器没有给出其数据库标识，无法验证其审计日志。请系统管理员检查服务器的设置。</translation>
    </message>
    <message>
        <source>The branch server&apos;s recovery key slot is not the one sealed when the branch was set up: it was changed on the server. Its keys are not used. Leave the server as it is and report it to the information-security office.</source>
        <translation>网点服务器上的恢复密钥槽不是网点设置时密封的那一个：它已在服务器上被改动。其中的密钥不会被使用。请保持服务器原状，并报告信息安全部门。</translation>
    </message>
    <message>
        <source>The branch server reports the database %1…, but this workstation pinned the database %2… at its first audit verification: the server&apos;s database was replaced or its identity changed, and its audit log is not read. Leave the server as it is and report it to the information-security office. Only if the branch server was set up anew on purpose, connect this workstation again (branchvault-cli server remove-workstation, then add-workstation): that forgets the pinned database.</source>
        <translation>网点服务器报告的数据库为 %1…，但本工作站在首次审计验证时记下的是数据库 %2…：服务器的数据库已被替换或其标识已被更改，因此不读取其审计日志。请保持服务器原状，并报告信息安全部门。只有在有意重新设置了网点服务器时，才重新连接本工作站（先 branchvault-cli server remove-workstation，再 add-workstation），这会删除记下的数据库标识。</translation>
    </message>
    <message>
        <source>reading the branch&apos;s idle time</source>
        <translation>读取本网点的无操作超时时间</translation>
    </message>
    <message>
        <source>The branch server&apos;s idle time (%1 minutes) is outside 1 to 30. Ask the administrator to check the setting auth.idle.minutes.</source>
        <translation>网点服务器的无操作超时时间（%1 分钟）不在 1 至 30 之间。请管理员检查设置项 auth.idle.minutes。</translation>
    </message>
    <message>
        <source>recording the end of the session</source>
        <translation>记录会话结束</translation>
    </message>
    <message>
        <source>recording the check of the branch&apos;s audit log</source>
        <translation>记录对本网点审计日志的检查</translation>
    </message>
    <message>
        <source>the audit retention purge</source>
        <translation>审计记录保留期清理</translation>
    </message>
    <message>
        <source>The branch server did not say how many audit rows it purged. Run server audit verify and report it to the information-security office.</source>
        <translation>网点服务器未说明清理了多少条审计记录。请运行 server audit verify，并报告信息安全部门。</translation>
    </message>
    <message>
        <source>The branch server&apos;s audit log is broken (row %1: %2), and the verification could not be recorded on the server (%3). Leave the server as it is for the investigation and report both to the information-security office.</source>
        <translation>网点服务器的审计日志已断裂（第 %1 行：%2），且本次验证未能记入服务器（%3）。请保持服务器现状以供调查，并将两者一并报告信息安全部门。</translation>
    </message>
    <message>
        <source>the official holiday calendar</source>
        <translation>官方节假日日历</translation>
    </message>
    <message>
        <source>The branch server did not confirm every year of %1. Run the import again and check the years it names.</source>
        <translation>网点服务器未确认%1中的全部年份。请重新导入，并核对其列出的年份。</translation>
    </message>
    <message>
        <source>reading the branch&apos;s settings</source>
        <translation>读取本网点的设置</translation>
    </message>
    <message>
        <source>Only the administrator changes the branch&apos;s settings. Sign in as the administrator.</source>
        <translation>只有系统管理员可以更改本网点的设置。请以系统管理员身份登录。</translation>
    </message>
    <message>
        <source>recording the refused setting</source>
        <translation>记录被拒绝的设置</translation>
    </message>
    <message>
        <source>changing the setting %1</source>
        <translation>更改设置 %1</translation>
    </message>
    <message>
        <source>The branch server did not confirm the setting %1. List the settings to see whether it changed.</source>
        <translation>网点服务器未确认设置 %1。请列出设置，查看是否已更改。</translation>
    </message>
    <message>
        <source>not recorded on the server: %1</source>
        <translation>未能记入服务器：%1</translation>
    </message>
    <message>
        <source>reading the branch&apos;s password rule</source>
        <translation>读取本网点的密码规则</translation>
    </message>
</context>
<context>
    <name>ServerSetup</name>
    <message>
        <source>the set-up checks</source>
        <translation>设置检查</translation>
    </message>
    <message>
        <source>%1 is a PostgreSQL superuser. A superuser passes every row-level security policy, so it must not own the branch&apos;s database. Ask the DBA for an owner role without SUPERUSER (docs/SERVER.md); nothing was changed.</source>
        <translation>%1 是 PostgreSQL 超级用户。超级用户可绕过所有行级安全策略，因此不得作为网点数据库的属主。请数据库管理员提供不带 SUPERUSER 的属主角色（见 docs/SERVER.md）；未做任何更改。</translation>
    </message>
    <message>
        <source>%1 does not own the database. Sign in with the login the DBA made the database&apos;s owner; nothing was changed.</source>
        <translation>%1 不是该数据库的属主。请使用数据库管理员指定为属主的登录名；未做任何更改。</translation>
    </message>
    <message>
        <source>The branch server %1 is set up already; nothing was changed.</source>
        <translation>网点服务器 %1 已设置过；未做任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>The database on %1 is not empty (it holds %n tables, views or sequences). BranchVault is set up only in an empty database made for it; nothing was changed.</source>
        <translation>
            <numerusform>%1 上的数据库不是空的（含有 %n 个表、视图或序列）。BranchVault 只在为其新建的空数据库中设置；未做任何更改。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 may not create roles, and the branch&apos;s group roles do not exist yet. Ask the DBA to give it CREATEROLE (ALTER ROLE … CREATEROLE; docs/SERVER.md); nothing was changed.</source>
        <translation>%1 无权创建角色，而网点的组角色尚不存在。请数据库管理员授予其 CREATEROLE（ALTER ROLE … CREATEROLE；见 docs/SERVER.md）；未做任何更改。</translation>
    </message>
    <message>
        <source>This program holds no server migrations.</source>
        <translation>本程序不含服务器迁移脚本。</translation>
    </message>
    <message>
        <source>the set-up</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The built-in migration %1 cannot be read.</source>
        <translation>无法读取内置迁移脚本 %1。</translation>
    </message>
    <message>
        <source>The branch server refused the set-up step %1; nothing was changed.</source>
        <translation>网点服务器拒绝了设置步骤 %1；未做任何更改。</translation>
    </message>
    <message>
        <source>The branch server returned no answer to %1.</source>
        <translation>网点服务器对%1没有返回结果。</translation>
    </message>
    <message>
        <source>the branch&apos;s set-up</source>
        <translation>网点设置</translation>
    </message>
    <message>
        <source>The branch server refused the branch&apos;s set-up (%1); nothing was changed.</source>
        <translation>网点服务器拒绝了网点设置（%1），未做任何改动。</translation>
    </message>
    <message>
        <source>This program holds no official holiday calendar.</source>
        <translation>本程序未内置官方节假日日历。</translation>
    </message>
    <message>
        <source>the official holiday calendar</source>
        <translation>官方节假日日历</translation>
    </message>
    <message>
        <source>The built-in server migrations are not numbered one after another (%1). Report this to the developers; nothing was changed.</source>
        <translation>程序自带的服务器迁移编号不连续（%1）。请报告开发人员；未做任何改动。</translation>
    </message>
    <message>
        <source>the upgrade&apos;s checks</source>
        <translation>升级前的检查</translation>
    </message>
    <message>
        <source>The database on %1 holds no branch server yet, so there is nothing to upgrade. Set it up with branchvault-cli server init; nothing was changed.</source>
        <translation>%1 上的数据库中还没有网点服务器，无可升级。请用 branchvault-cli server init 设置；未做任何改动。</translation>
    </message>
    <message>
        <source>the upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>The branch server&apos;s schema version cannot be read (meta.schema_version). Ask the DBA to check the database; nothing was changed.</source>
        <translation>无法读取网点服务器的结构版本（meta.schema_version）。请数据库管理员检查数据库；未做任何改动。</translation>
    </message>
    <message>
        <source>The branch server&apos;s schema (version %1) is newer than this program knows (version %2). Install the release the server was upgraded with on this workstation; nothing was changed.</source>
        <translation>网点服务器的数据库结构（版本 %1）比本程序所知的（版本 %2）新。请在本工作站安装服务器升级时所用的版本；未做任何改动。</translation>
    </message>
    <message>
        <source>The built-in migration %1 did not set the schema version to %2. Report this to the developers; nothing was changed.</source>
        <translation>程序自带的迁移 %1 没有把结构版本设为 %2。请报告开发人员；未做任何改动。</translation>
    </message>
    <message>
        <source>the upgrade&apos;s audit row</source>
        <translation>升级的审计记录</translation>
    </message>
    <message>
        <source>The upgrade of the branch server stopped at %1 and was rolled back: nothing was changed. Another connection held a part of the server the upgrade needed, or the connection broke. Ask the staff to sign out, then run server upgrade again.</source>
        <translation>网点服务器的升级在 %1 处停止并已回滚：未做任何改动。可能是其他连接占用了升级所需的部分，或连接已中断。请员工退出登录后再次执行 server upgrade。</translation>
    </message>
    <message>
        <source>The branch server refused the upgrade at %1, and it was rolled back: nothing was changed, and the server works as before for workstations of the release it was set up with. Report the step and the server&apos;s message to the developers.</source>
        <translation>网点服务器在 %1 处拒绝了升级，升级已回滚：未做任何改动，服务器对原版本的工作站照常可用。请把该步骤和服务器的消息报告开发人员。</translation>
    </message>
    <message>
        <source>The connection to the branch server broke while the upgrade was being committed, so it is not known whether it was. Run server upgrade again: it says which schema version the server has and finishes what is left.</source>
        <translation>提交升级时与网点服务器的连接中断，无法确定升级是否已提交。请再次执行 server upgrade：它会显示服务器当前的结构版本并完成剩余部分。</translation>
    </message>
    <message>
        <source>The branch server did not commit the upgrade; it was rolled back and nothing was changed. Report the server&apos;s message to the developers.</source>
        <translation>网点服务器没有提交升级；升级已回滚，未做任何改动。请把服务器的消息报告开发人员。</translation>
    </message>
    <message>
        <source>%1 may not add staff to the branch&apos;s group roles %2: PostgreSQL 16 and later need ADMIN OPTION on them. Ask the DBA to run GRANT %2 TO %1 WITH ADMIN OPTION (docs/SERVER.md); nothing was changed.</source>
        <translation>%1 无权将员工加入网点组角色 %2：PostgreSQL 16 及以后版本要求对这些角色具有 ADMIN OPTION。请数据库管理员执行 GRANT %2 TO %1 WITH ADMIN OPTION（见 docs/SERVER.md）；未做任何改动。</translation>
    </message>
</context>
<context>
    <name>ServerWorkstation</name>
    <message>
        <source>%1 %2 does not exist.</source>
        <translation>%1 %2 不存在。</translation>
    </message>
    <message>
        <source>%1 %2 cannot be read.</source>
        <translation>%1 %2 无法读取。</translation>
    </message>
    <message>
        <source>%1 %2 is not what it should be (a PEM file with a %3).</source>
        <translation>%1 %2 不符合要求（应为含 %3 的 PEM 文件）。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>This workstation is not connected to a branch server. Connect it first: branchvault-cli server add-workstation (docs/SERVER.md).</source>
        <translation>本工作站未连接网点服务器。请先连接：branchvault-cli server add-workstation（见 docs/SERVER.md）。</translation>
    </message>
    <message>
        <source>The branch server&apos;s address in this workstation&apos;s configuration is damaged. Connect the workstation again (branchvault-cli server remove-workstation, then add-workstation).</source>
        <translation>本工作站配置中的网点服务器地址已损坏。请重新连接工作站（先 branchvault-cli server remove-workstation，再 add-workstation）。</translation>
    </message>
    <message>
        <source>The passphrase of this workstation&apos;s key is not in %1. Connect the workstation again (branchvault-cli server remove-workstation, then add-workstation).</source>
        <translation>%1中没有本工作站私钥的口令。请重新连接工作站（先 branchvault-cli server remove-workstation，再 add-workstation）。</translation>
    </message>
    <message>
        <source>This workstation is connected to the branch server %1 already; nothing was changed. To connect it elsewhere, remove that connection first (branchvault-cli server remove-workstation).</source>
        <translation>本工作站已连接网点服务器 %1；未做任何更改。如需连接其他服务器，请先移除该连接（branchvault-cli server remove-workstation）。</translation>
    </message>
    <message>
        <source>The branch CA&apos;s certificate</source>
        <translation>网点 CA 证书</translation>
    </message>
    <message>
        <source>The workstation&apos;s certificate</source>
        <translation>工作站证书</translation>
    </message>
    <message>
        <source>The workstation&apos;s encrypted key</source>
        <translation>工作站加密私钥</translation>
    </message>
    <message>
        <source>The workstation key&apos;s passphrase is empty.</source>
        <translation>工作站私钥的口令为空。</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not write this workstation&apos;s configuration %1.</source>
        <translation>无法写入本工作站的配置 %1。</translation>
    </message>
</context>
<context>
    <name>SettingDescriptions</name>
    <message>
        <source>Begins every customer number of this branch. Change it only before the first customer is entered: numbers already given keep their old prefix.</source>
        <translation>本网点每个客户号的开头部分。请仅在录入第一位客户之前修改：已分配的客户号保留原前缀。</translation>
    </message>
    <message>
        <source>Shown at sign-in, in the window title and on every printed page.</source>
        <translation>显示在登录界面、窗口标题和每一页打印件上。</translation>
    </message>
    <message>
        <source>How many wrong passwords in a row lock an account.</source>
        <translation>连续输错多少次密码后锁定用户账户。</translation>
    </message>
    <message>
        <source>How long a locked account stays locked before its holder may try again.</source>
        <translation>用户账户被锁定后，需等待多久才能再次尝试。</translation>
    </message>
    <message>
        <source>A session without keyboard or mouse activity for this long locks and asks for the password.</source>
        <translation>会话在这段时间内无键盘或鼠标操作即锁定，并要求输入密码。</translation>
    </message>
    <message>
        <source>After this many days a password must be changed at the next sign-in.</source>
        <translation>密码使用满此天数后，下次登录时必须修改。</translation>
    </message>
    <message>
        <source>A new password may not repeat any of this many earlier passwords of the same account.</source>
        <translation>新密码不得与同一用户账户最近这么多个旧密码相同。</translation>
    </message>
    <message>
        <source>The shortest password accepted; letters and digits are always required.</source>
        <translation>可接受的最短密码长度；密码始终须同时包含字母和数字。</translation>
    </message>
    <message>
        <source>When ticked, administrator and auditor accounts must enrol an authenticator app and give its code at every sign-in.</source>
        <translation>勾选后，系统管理员和审计员账户必须绑定身份验证器应用，并在每次登录时输入其验证码。</translation>
    </message>
    <message>
        <source>Memory used to check a password (Argon2id). More makes guessing stolen hashes slower and signing in slightly slower; applies to passwords set from now on.</source>
        <translation>校验密码时使用的内存（Argon2id）。数值越大，猜测被盗哈希值越慢，登录也会稍慢；对此后设置的密码生效。</translation>
    </message>
    <message>
        <source>Passes over that memory when a password is checked (Argon2id); applies to passwords set from now on.</source>
        <translation>校验密码时对该内存的遍历次数（Argon2id）；对此后设置的密码生效。</translation>
    </message>
    <message>
        <source>Audit rows younger than this can never be purged.</source>
        <translation>未超过此期限的审计记录永远不能清除。</translation>
    </message>
    <message>
        <source>The auditor is alerted when one clerk looks up more customers than this within an hour.</source>
        <translation>一名查询员在一小时内查询客户超过此次数时，向审计员告警。</translation>
    </message>
    <message>
        <source>The auditor is alerted when one person opens the same customer more often than this in a day.</source>
        <translation>同一人一天内打开同一客户超过此次数时，向审计员告警。</translation>
    </message>
    <message>
        <source>Access to customer records before this hour (branch time) is reported to the auditor.</source>
        <translation>在此时刻（网点时间）之前访问客户记录会报告给审计员。</translation>
    </message>
    <message>
        <source>Access to customer records from this hour on (branch time) is reported to the auditor.</source>
        <translation>从此时刻（网点时间）起访问客户记录会报告给审计员。</translation>
    </message>
    <message>
        <source>The auditor is alerted when one login fails this often within an hour.</source>
        <translation>同一登录名在一小时内登录失败达到此次数时，向审计员告警。</translation>
    </message>
    <message>
        <source>The auditor is alerted when a special request is used this soon after the same pair of people approved it.</source>
        <translation>专项事务申请在同一对人员批准后这么短的时间内即被使用时，向审计员告警。</translation>
    </message>
    <message>
        <source>The longest time a special request may ask for; an approved reveal stops working after it.</source>
        <translation>专项事务申请可申请的最长有效期；已批准的查看授权到期后即失效。</translation>
    </message>
    <message>
        <source>A closed customer&apos;s record is kept this long, then anonymised.</source>
        <translation>已销户客户的记录保留此期限，之后进行匿名化处理。</translation>
    </message>
    <message>
        <source>Assets under management from which a customer is proposed for the gold card tier.</source>
        <translation>客户资产达到此金额时，建议将其评为金卡客户。</translation>
    </message>
    <message>
        <source>Assets under management from which a customer is proposed for the platinum tier.</source>
        <translation>客户资产达到此金额时，建议将其评为白金客户。</translation>
    </message>
    <message>
        <source>Assets under management from which a customer is proposed for the diamond tier.</source>
        <translation>客户资产达到此金额时，建议将其评为钻石客户。</translation>
    </message>
    <message>
        <source>Local days off added to the official holiday calendar (which ships with BranchVault and is imported on the Storage page); complaint due dates skip them.</source>
        <translation>在官方节假日日历（随 BranchVault 提供，可在“存储”页导入）之外增加的本地休息日；投诉截止日期会跳过这些日期。</translation>
    </message>
    <message>
        <source>Local Saturdays or Sundays worked, added to the official make-up working days; complaint due dates count them.</source>
        <translation>在官方调休工作日之外增加的本地周六或周日工作日；投诉截止日期会将其计为工作日。</translation>
    </message>
    <message>
        <source>Before approving a new record or an edit of these fields, the checker types each value from the customer&apos;s document; it is compared through the blind index, and a mismatch refuses the approval.</source>
        <translation>批准新记录或这些字段的修改之前，复核人须按客户证件逐项录入；系统通过盲索引比对，不一致则拒绝批准。</translation>
    </message>
    <message>
        <source>How many seconds a full value shown under an approved reveal stays on screen before it is masked again; &quot;Show again&quot; reveals it anew while the approval lasts.</source>
        <translation>经批准显示的完整值在屏幕上保留的秒数，之后重新遮蔽；在批准有效期内可点击“再次显示”重新显示。</translation>
    </message>
    <message>
        <source>How long a printed report may be used; the end date is printed on every page.</source>
        <translation>打印报表的使用期限；截止日期印在每一页上。</translation>
    </message>
    <message>
        <source>How many leading digits of a phone number masked forms show.</source>
        <translation>电话号码脱敏后显示开头的几位数字。</translation>
    </message>
    <message>
        <source>How many trailing digits of a phone number masked forms show.</source>
        <translation>电话号码脱敏后显示末尾的几位数字。</translation>
    </message>
    <message>
        <source>How many leading characters of a mainland ID number masked forms show.</source>
        <translation>居民身份证号码脱敏后显示开头的几个字符。</translation>
    </message>
    <message>
        <source>How many leading characters of another identity document number masked forms show.</source>
        <translation>其他证件号码脱敏后显示开头的几个字符。</translation>
    </message>
    <message>
        <source>How many leading digits of an account or card number masked forms show.</source>
        <translation>账号或卡号脱敏后显示开头的几位数字。</translation>
    </message>
    <message>
        <source>How many trailing digits of an account or card number masked forms show.</source>
        <translation>账号或卡号脱敏后显示末尾的几位数字。</translation>
    </message>
    <message>
        <source>How many leading characters of an address masked forms show.</source>
        <translation>地址脱敏后显示开头的几个字符。</translation>
    </message>
    <message>
        <source>How many characters of the name before the @ of an e-mail address masked forms show.</source>
        <translation>电子邮件地址脱敏后显示 @ 之前用户名的几个字符。</translation>
    </message>
</context>
<context>
    <name>SettingsCommands</name>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Use: calendar import FILE (a CSV file: date,kind,name).</source>
        <translation>用法：calendar import 文件（CSV 文件：date,kind,name）。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check the file name.</source>
        <translation>无法读取 %1：%2。请检查文件名。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Imported the official calendar of %1: %2 holidays and %3 make-up working days. Known years: %4.</source>
        <translation>已导入 %1 年的官方日历：%2 个节假日，%3 个调休工作日。已有数据的年份：%4。</translation>
    </message>
    <message>
        <source>Use: server calendar import FILE --user ADMIN (a CSV file: date,kind,name).</source>
        <translation>用法：server calendar import 文件 --user 管理员（CSV 文件：date,kind,name）。</translation>
    </message>
    <message>
        <source>There is no setting %1. Run server settings get to list them.</source>
        <translation>没有名为 %1 的设置。请运行 server settings get 列出全部设置。</translation>
    </message>
    <message>
        <source>Use: %1settings get [KEY] or %1settings set KEY VALUE.</source>
        <translation>用法：%1settings get [设置项] 或 %1settings set 设置项 值。</translation>
    </message>
    <message>
        <source>%1settings set needs a key and a value.</source>
        <translation>%1settings set 需要设置项和值。</translation>
    </message>
</context>
<context>
    <name>SettingsService</name>
    <message>
        <source>Branch code (prefix of customer numbers)</source>
        <translation>网点代码（客户号前缀）</translation>
    </message>
    <message>
        <source>1 to 12 letters or digits</source>
        <translation>1 至 12 个字母或数字</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>at most 60 characters</source>
        <translation>最多 60 个字符</translation>
    </message>
    <message>
        <source>Failed sign-ins before the account is locked</source>
        <translation>锁定用户账户前允许的登录失败次数</translation>
    </message>
    <message>
        <source>between 3 and 10: fewer locks out staff who mistype, more lets a guesser try longer</source>
        <translation>3 至 10：值越小，输错密码的员工越容易被锁定；值越大，猜测密码者可尝试的次数越多</translation>
    </message>
    <message>
        <source>Minutes an account stays locked</source>
        <translation>用户账户锁定时长（分钟）</translation>
    </message>
    <message>
        <source>at least 15 minutes</source>
        <translation>至少 15 分钟</translation>
    </message>
    <message>
        <source>Minutes of inactivity before the session locks</source>
        <translation>会话锁定前的无操作时长（分钟）</translation>
    </message>
    <message>
        <source>between 1 and 30 minutes</source>
        <translation>1 至 30 分钟</translation>
    </message>
    <message>
        <source>Days before a password expires</source>
        <translation>密码有效期（天）</translation>
    </message>
    <message>
        <source>at most 180 days</source>
        <translation>最多 180 天</translation>
    </message>
    <message>
        <source>Earlier passwords that cannot be reused</source>
        <translation>不可重复使用的历史密码个数</translation>
    </message>
    <message>
        <source>at least the last 5</source>
        <translation>至少最近 5 个</translation>
    </message>
    <message>
        <source>Minimum password length</source>
        <translation>密码最小长度</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>至少 8 个字符</translation>
    </message>
    <message>
        <source>Second factor mandatory for administrator and auditor</source>
        <translation>系统管理员和安全审计员必须使用第二验证因素</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>Password hashing memory (MiB)</source>
        <translation>密码哈希内存用量（MiB）</translation>
    </message>
    <message>
        <source>at least 19 MiB (OWASP&apos;s minimum for Argon2id)</source>
        <translation>至少 19 MiB（OWASP 对 Argon2id 的最低要求）</translation>
    </message>
    <message>
        <source>Password hashing passes</source>
        <translation>密码哈希迭代次数</translation>
    </message>
    <message>
        <source>at least 2 (OWASP&apos;s minimum for Argon2id)</source>
        <translation>至少 2（OWASP 对 Argon2id 的最低要求）</translation>
    </message>
    <message>
        <source>Days audit rows are kept before they may be purged</source>
        <translation>审计记录保留天数（期满后方可清除）</translation>
    </message>
    <message>
        <source>at least 180 days</source>
        <translation>至少 180 天</translation>
    </message>
    <message>
        <source>Alert: clerk lookups per hour</source>
        <translation>告警：查询员每小时查询次数</translation>
    </message>
    <message>
        <source>between 1 and 1000</source>
        <translation>1 至 1000</translation>
    </message>
    <message>
        <source>Alert: openings of the same customer by one user per day</source>
        <translation>告警：同一用户每天打开同一客户的次数</translation>
    </message>
    <message>
        <source>Alert: working hours start (hour, branch time)</source>
        <translation>告警：工作时间开始（小时，网点时间）</translation>
    </message>
    <message>
        <source>an hour from 0 to 23</source>
        <translation>0 至 23 之间的小时数</translation>
    </message>
    <message>
        <source>Alert: working hours end (hour, branch time)</source>
        <translation>告警：工作时间结束（小时，网点时间）</translation>
    </message>
    <message>
        <source>an hour from 1 to 24</source>
        <translation>1 至 24 之间的小时数</translation>
    </message>
    <message>
        <source>Alert: failed sign-ins of one login per hour</source>
        <translation>告警：同一登录名每小时登录失败次数</translation>
    </message>
    <message>
        <source>between 1 and 100</source>
        <translation>1 至 100</translation>
    </message>
    <message>
        <source>Alert: a grant used within this many minutes of its approval</source>
        <translation>告警：授权在批准后多少分钟内即被使用</translation>
    </message>
    <message>
        <source>between 1 and 1440 minutes</source>
        <translation>1 至 1440 分钟</translation>
    </message>
    <message>
        <source>Longest validity of a special request (hours)</source>
        <translation>专项事务申请最长有效期（小时）</translation>
    </message>
    <message>
        <source>at most 72 hours (3 days)</source>
        <translation>最多 72 小时（3 天）</translation>
    </message>
    <message>
        <source>Years a closed customer&apos;s record is kept</source>
        <translation>已关闭客户记录保留年限</translation>
    </message>
    <message>
        <source>at least 5 years</source>
        <translation>至少 5 年</translation>
    </message>
    <message>
        <source>Tier threshold: gold card (CNY)</source>
        <translation>客户等级门槛：金卡（人民币元）</translation>
    </message>
    <message>
        <source>a positive amount</source>
        <translation>大于 0 的金额</translation>
    </message>
    <message>
        <source>Tier threshold: platinum (CNY)</source>
        <translation>客户等级门槛：白金（人民币元）</translation>
    </message>
    <message>
        <source>Tier threshold: diamond (CNY)</source>
        <translation>客户等级门槛：钻石（人民币元）</translation>
    </message>
    <message>
        <source>Public holidays (complaint deadlines skip them)</source>
        <translation>节假日（投诉处理期限不计入这些日期）</translation>
    </message>
    <message>
        <source>dates as YYYY-MM-DD</source>
        <translation>YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>Weekend days that are working days (调休)</source>
        <translation>调休工作日（周末上班的日期）</translation>
    </message>
    <message>
        <source>Mask: phone digits shown at the start</source>
        <translation>脱敏：电话号码开头显示的位数</translation>
    </message>
    <message>
        <source>at most 3: the middle 4 digits stay hidden</source>
        <translation>最多 3 位：中间 4 位必须隐藏</translation>
    </message>
    <message>
        <source>Mask: phone digits shown at the end</source>
        <translation>脱敏：电话号码末尾显示的位数</translation>
    </message>
    <message>
        <source>at most 4: the middle 4 digits stay hidden</source>
        <translation>最多 4 位：中间 4 位必须隐藏</translation>
    </message>
    <message>
        <source>Mask: mainland ID characters shown at the start</source>
        <translation>脱敏：居民身份证号码开头显示的位数</translation>
    </message>
    <message>
        <source>Mask: other ID document characters shown at the start</source>
        <translation>脱敏：其他证件号码开头显示的位数</translation>
    </message>
    <message>
        <source>at most 4: the last 4 characters stay hidden</source>
        <translation>最多 4 位：最后 4 位必须隐藏</translation>
    </message>
    <message>
        <source>Mask: account digits shown at the start</source>
        <translation>脱敏：账号和卡号开头显示的位数</translation>
    </message>
    <message>
        <source>at most 6: the middle 4 digits stay hidden</source>
        <translation>最多 6 位：中间 4 位必须隐藏</translation>
    </message>
    <message>
        <source>Mask: account digits shown at the end</source>
        <translation>脱敏：账号和卡号末尾显示的位数</translation>
    </message>
    <message>
        <source>Mask: address characters shown at the start</source>
        <translation>脱敏：地址开头显示的字数</translation>
    </message>
    <message>
        <source>Mask: e-mail name characters shown</source>
        <translation>脱敏：电子邮箱用户名部分显示的字符数</translation>
    </message>
    <message>
        <source>There is no setting &quot;%1&quot;. List the settings with branchvault-cli settings get.</source>
        <translation>不存在设置项“%1”。请使用 branchvault-cli settings get 列出所有设置项。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number.</source>
        <translation>“%1”必须是整数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false.</source>
        <translation>“%1”必须为 true 或 false。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2.</source>
        <translation>“%1”的值不符合要求，应为：%2。</translation>
    </message>
    <message>
        <source>Unknown setting type.</source>
        <translation>未知的设置项类型。</translation>
    </message>
    <message>
        <source>at most 6: the birth date and the last 4 characters stay hidden</source>
        <translation>最多 6 位：出生日期和最后 4 位必须隐藏</translation>
    </message>
    <message>
        <source>at most 6: the rest of the address stays hidden</source>
        <translation>最多 6 个字：地址其余部分必须隐藏</translation>
    </message>
    <message>
        <source>at most 1: the rest of the name before the @ stays hidden</source>
        <translation>最多 1 个字符：@ 之前的其余部分必须隐藏</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%6) cannot be %2: it must be %3 (from %4 to %5).</source>
        <translation>“%1”（%6）不能设为 %2，应为：%3（%4 至 %5）。</translation>
    </message>
    <message>
        <source>Days a printed report may be used (period of use printed on every page)</source>
        <translation>打印报表的使用期限（天，印在每一页上）</translation>
    </message>
    <message>
        <source>between 1 and 365 days</source>
        <translation>1 至 365 天</translation>
    </message>
    <message>
        <source>Seconds revealed full values stay on screen</source>
        <translation>明文显示后在屏幕上保留的秒数</translation>
    </message>
    <message>
        <source>between 10 and 600 seconds; &quot;Show again&quot; shows them anew while the approval lasts</source>
        <translation>10 到 600 秒；审批有效期内可用“再次显示明文”重新显示</translation>
    </message>
    <message>
        <source>Fields the checker types from the customer&apos;s document to approve a new record or an edit</source>
        <translation>审核人批准新记录或修改时须按客户证件重新录入的字段</translation>
    </message>
    <message>
        <source>a comma-separated list of id_number, mobile and account_number (empty: none)</source>
        <translation>以逗号分隔的 id_number、mobile、account_number 列表（留空：不要求）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be re-keyed: choose among id_number, mobile and account_number.</source>
        <translation>“%1”不能用于重新录入核对：请从 id_number、mobile 和 account_number 中选择。</translation>
    </message>
</context>
<context>
    <name>StaffStatus</name>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>已冻结</translation>
    </message>
</context>
<context>
    <name>StoredMasks</name>
    <message>
        <source>The field key is not loaded, so the masked values cannot be made again. Sign in as a branch manager or a customer manager.</source>
        <translation>字段密钥未加载，无法重新生成脱敏值。请以网点负责人或客户经理身份登录。</translation>
    </message>
</context>
<context>
    <name>StoredStatus</name>
    <message>
        <source>The database holds a status this version does not know (&quot;%1&quot;). Run the database check (branchvault-cli verify) and tell the administrator.</source>
        <translation>数据库中有本版本无法识别的状态（“%1”）。请运行数据库检查（branchvault-cli verify）并告知系统管理员。</translation>
    </message>
</context>
<context>
    <name>TierChangeStatus</name>
    <message>
        <source>to confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
</context>
<context>
    <name>Tiers</name>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>白金</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>钻石</translation>
    </message>
    <message>
        <source>Regular</source>
        <translation>普通</translation>
    </message>
</context>
<context>
    <name>Totp</name>
    <message>
        <source>The sign-in code must be %1 digits. Type the code shown in your authenticator app.</source>
        <translation>动态验证码必须为 %1 位数字。请输入身份验证器应用中显示的验证码。</translation>
    </message>
    <message>
        <source>The secret key has characters after its &apos;=&apos; padding. Copy the key again exactly as shown by the enrolment screen.</source>
        <translation>动态验证码密钥在“=”填充符之后还有字符。请按绑定界面显示的内容重新准确复制密钥。</translation>
    </message>
    <message>
        <source>The secret key contains a character that is not base32 (A-Z and 2-7). Copy the key again exactly as shown by the enrolment screen.</source>
        <translation>动态验证码密钥含有非 base32 字符（仅允许 A-Z 和 2-7）。请按绑定界面显示的内容重新准确复制密钥。</translation>
    </message>
    <message>
        <source>The secret key is empty. Copy the key shown by the enrolment screen.</source>
        <translation>动态验证码密钥为空。请复制绑定界面显示的密钥。</translation>
    </message>
    <message>
        <source>The secret key is incomplete: characters are missing. Copy the whole key again exactly as shown by the enrolment screen.</source>
        <translation>动态验证码密钥不完整：缺少部分字符。请按绑定界面显示的内容重新准确复制完整的密钥。</translation>
    </message>
    <message>
        <source>The account has no login name, so no authenticator entry can be made for it. Enter the login name first.</source>
        <translation>该用户账户没有登录名，因此无法为其生成身份验证器条目。请先输入登录名。</translation>
    </message>
    <message>
        <source>No second-factor key was generated for this account. Start the enrolment again.</source>
        <translation>尚未为该用户账户生成动态验证码密钥。请重新开始绑定。</translation>
    </message>
    <message>
        <source>The second-factor key of this account is missing. Ask the administrator to enrol your authenticator app again.</source>
        <translation>该用户账户的动态验证码密钥缺失。请联系系统管理员为您重新绑定身份验证器应用。</translation>
    </message>
    <message>
        <source>The date and time of this computer are not set, so sign-in codes cannot be checked. Ask the administrator to set the clock.</source>
        <translation>本机的日期和时间未设置，无法核验动态验证码。请联系系统管理员设置时钟。</translation>
    </message>
    <message>
        <source>This code was already used. Wait for the next code in your authenticator app.</source>
        <translation>此验证码已使用过。请等待身份验证器应用显示下一个验证码。</translation>
    </message>
    <message>
        <source>The sign-in code is not correct. Type the current code from your authenticator app; if it is refused again, check that the date and time of this computer and of your phone are right.</source>
        <translation>动态验证码不正确。请输入身份验证器应用中当前显示的验证码；如仍被拒绝，请检查本机和手机的日期、时间是否准确。</translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <source>A transaction could not be started</source>
        <translation>无法开始事务</translation>
    </message>
    <message>
        <source>The transaction is no longer open.</source>
        <translation>该事务已不再处于打开状态。</translation>
    </message>
    <message>
        <source>The change could not be saved</source>
        <translation>无法保存更改</translation>
    </message>
</context>
<context>
    <name>UserCommands</name>
    <message>
        <source>user %1 needs the login of the account.</source>
        <translation>user %1 命令需要该用户账户的登录名。</translation>
    </message>
    <message>
        <source>user add needs --role admin|auditor|manager|customer_manager|clerk.</source>
        <translation>user add 命令需要 --role admin|auditor|manager|customer_manager|clerk 参数。</translation>
    </message>
    <message>
        <source>user add needs --name &quot;display name&quot;.</source>
        <translation>user add 命令需要 --name &quot;display name&quot; 参数（显示名称）。</translation>
    </message>
    <message>
        <source>Created %1 (%2). One-time password: %3 — give it to the person in private; it must be changed at the first sign-in.</source>
        <translation>已创建 %1（%2）。一次性密码：%3——请私下交给本人；首次登录时必须修改。</translation>
    </message>
    <message>
        <source>New one-time password for %1: %2 (to be changed at the next sign-in; any lockout is lifted).</source>
        <translation>%1 的新一次性密码：%2（下次登录时须修改；如有锁定已一并解除）。</translation>
    </message>
    <message>
        <source>%1 is frozen; the account stays in the records.</source>
        <translation>%1 已冻结；该用户账户仍保留在记录中。</translation>
    </message>
    <message>
        <source>%1 is active again.</source>
        <translation>%1 已恢复正常。</translation>
    </message>
    <message>
        <source>user role needs --role manager|customer_manager|clerk.</source>
        <translation>user role 命令需要 --role manager|customer_manager|clerk 参数。</translation>
    </message>
    <message>
        <source>The second factor of %1 was removed; the person can enrol a new authenticator app.</source>
        <translation>已移除 %1 的第二验证因素；该用户可以绑定新的身份验证器应用。</translation>
    </message>
    <message>
        <source>Unknown user subcommand &quot;%1&quot;.</source>
        <translation>未知的 user 子命令“%1”。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same new password twice.</source>
        <translation>两次输入的新密码不一致。请两次输入相同的新密码。</translation>
    </message>
    <message>
        <source>The password of %1 was changed.</source>
        <translation>%1 的密码已修改。</translation>
    </message>
    <message>
        <source>Use: totp enrol --user LOGIN (stdin: password, then the first code).</source>
        <translation>用法：totp enrol --user LOGIN（标准输入：密码，然后是第一个动态验证码）。</translation>
    </message>
    <message>
        <source>Add this key to your authenticator app (or open the link), then type the code it shows:
    %1
    %2</source>
        <translation>请将此密钥添加到您的身份验证器应用（或打开该链接），然后输入应用显示的验证码：
    %1
    %2</translation>
    </message>
    <message>
        <source>Code from the authenticator app</source>
        <translation>身份验证器应用中的验证码</translation>
    </message>
    <message>
        <source>The second factor is enrolled: from now on sign-in needs a code (--totp CODE).</source>
        <translation>第二验证因素已绑定：今后登录时需要输入动态验证码（--totp CODE）。</translation>
    </message>
    <message>
        <source>The change takes effect when a branch manager other than the account holder confirms it (branchvault-cli user confirm LOGIN --user MANAGER); until then the account cannot sign in.</source>
        <translation>该变更须经账户持有人以外的网点负责人确认后生效（branchvault-cli user confirm LOGIN --user MANAGER）；在此之前该用户账户不能登录。</translation>
    </message>
    <message>
        <source>user needs a subcommand: add, freeze, unfreeze, reset, role, remove-totp, list, awaiting, confirm or decline.</source>
        <translation>user 命令需要子命令：add、freeze、unfreeze、reset、role、remove-totp、list、awaiting、confirm 或 decline。</translation>
    </message>
    <message>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <source>The change to %1 is confirmed and in effect.</source>
        <translation>%1 的变更已确认并生效。</translation>
    </message>
    <message>
        <source>The change to %1 is confirmed. Confirmation code: %2 — give it to the person in private, apart from the one-time password: it is typed once, with the first new password (branchvault-cli passwd asks for it).</source>
        <translation>%1 的变更已确认。确认码：%2——请与一次性密码分开、私下交给本人：本人在首次设置新密码时输入一次（branchvault-cli passwd 会提示输入）。</translation>
    </message>
    <message>
        <source>The unfreezing of %1 is recorded.</source>
        <translation>已记录 %1 的解冻。</translation>
    </message>
    <message>
        <source>The role %2 for %1 is recorded.</source>
        <translation>已记录 %1 的新角色 %2。</translation>
    </message>
    <message>
        <source>The waiting change to %1 is declined; a new or reset account is frozen.</source>
        <translation>%1 的待确认变更已驳回；新建或已重置的用户账户将被冻结。</translation>
    </message>
    <message>
        <source>passwd needs --user LOGIN (stdin: current password, new, new; after a branch manager&apos;s confirmation also the confirmation code).</source>
        <translation>passwd 命令需要 --user LOGIN（标准输入：当前密码、新密码、新密码；经网点负责人确认的用户账户还需输入确认码）。</translation>
    </message>
    <message>
        <source>Confirmation code from the branch manager</source>
        <translation>网点负责人交给您的确认码</translation>
    </message>
    <message>
        <source>The new recovery passphrase</source>
        <translation>新的恢复口令</translation>
    </message>
    <message>
        <source>The customer keys&apos; recovery slot is now sealed to the new recovery sheet. The earlier sheet no longer opens the customer keys; destroy it under supervision.</source>
        <translation>客户密钥的恢复槽现已改封为新的恢复口令单。先前的口令单不再能打开客户密钥；请在监督下销毁。</translation>
    </message>
</context>
<context>
    <name>Validators</name>
    <message>
        <source>The landline number can contain only digits, spaces, dashes and parentheses, with an optional extension (for example 010-62345678-123).</source>
        <translation>固定电话号码只能包含数字、空格、短横线和括号，可附带分机号（例如 010-62345678-123）。</translation>
    </message>
    <message>
        <source>The landline number needs its area code in front (for example 010 or 0755).</source>
        <translation>固定电话号码前面需要加区号（例如 010 或 0755）。</translation>
    </message>
    <message>
        <source>The landline number&apos;s area code is not valid: it should be 010, 020 to 029, or four digits starting with 03 to 09. Check the number with the customer.</source>
        <translation>固定电话号码的区号无效：区号应为 010、020 至 029，或以 03 至 09 开头的四位数字。请与客户核实号码。</translation>
    </message>
    <message>
        <source>The landline number after the area code should have 7 or 8 digits and not start with 0 or 1. Check the number with the customer.</source>
        <translation>区号之后的固定电话号码应为 7 或 8 位数字，且不能以 0 或 1 开头。请与客户核实号码。</translation>
    </message>
    <message>
        <source>The landline extension should be 1 to 6 digits after the number (for example 010-62345678-123).</source>
        <translation>固定电话分机号应为号码之后的 1 至 6 位数字（例如 010-62345678-123）。</translation>
    </message>
    <message>
        <source>The mobile number can contain only digits, spaces and dashes, with an optional +86 in front.</source>
        <translation>手机号码只能包含数字、空格和短横线，前面可加 +86。</translation>
    </message>
    <message>
        <source>The mobile number should have 11 digits, not %1. Check the number with the customer.</source>
        <translation>手机号码应为 11 位数字，而不是 %1 位。请与客户核实号码。</translation>
    </message>
    <message>
        <source>A mobile number starts with 13 to 19. Check the number with the customer.</source>
        <translation>手机号码应以 13 至 19 开头。请与客户核实号码。</translation>
    </message>
    <message>
        <source>The card number can contain only digits (spaces and dashes are ignored).</source>
        <translation>卡号只能包含数字（空格和短横线会被忽略）。</translation>
    </message>
    <message>
        <source>The account number can contain only digits (spaces and dashes are ignored).</source>
        <translation>账号只能包含数字（空格和短横线会被忽略）。</translation>
    </message>
    <message>
        <source>The card number should have 13 to 19 digits, not %1. Check the number on the card.</source>
        <translation>卡号应为 13 至 19 位数字，而不是 %1 位。请核对卡面上的号码。</translation>
    </message>
    <message>
        <source>The card number&apos;s check digit does not match: a digit is probably mistyped or two digits are swapped. Compare the number with the card.</source>
        <translation>卡号的校验码不符：可能有一位数字输入错误，或有两位数字顺序颠倒。请将号码与卡面逐位核对。</translation>
    </message>
    <message>
        <source>The account number should have 12 to 19 digits, not %1. Check the number on the passbook or account agreement.</source>
        <translation>账号应为 12 至 19 位数字，而不是 %1 位。请核对存折或开户协议上的号码。</translation>
    </message>
    <message>
        <source>The e-mail address cannot contain spaces.</source>
        <translation>电子邮箱地址不能包含空格。</translation>
    </message>
    <message>
        <source>The e-mail address should contain exactly one @.</source>
        <translation>电子邮箱地址应包含且仅包含一个 @。</translation>
    </message>
    <message>
        <source>The e-mail address can have at most %1 characters.</source>
        <translation>电子邮箱地址最多 %1 个字符。</translation>
    </message>
    <message>
        <source>The e-mail address can contain only Latin letters, digits and punctuation; addresses with Chinese characters are not accepted.</source>
        <translation>电子邮箱地址只能包含拉丁字母、数字和标点符号；不接受含有汉字的地址。</translation>
    </message>
    <message>
        <source>The e-mail address needs a name before the @.</source>
        <translation>电子邮箱地址的 @ 之前需要有用户名。</translation>
    </message>
    <message>
        <source>The part of the e-mail address before the @ can have at most %1 characters.</source>
        <translation>电子邮箱地址 @ 之前的部分最多 %1 个字符。</translation>
    </message>
    <message>
        <source>The part of the e-mail address before the @ contains a character that is not allowed, or a dot at its start, at its end or twice in a row.</source>
        <translation>电子邮箱地址 @ 之前的部分含有不允许的字符，或者开头、结尾有点号，或者有两个连续的点号。</translation>
    </message>
    <message>
        <source>The e-mail address needs a domain with a dot after the @ (for example example.com).</source>
        <translation>电子邮箱地址的 @ 之后需要有带点号的域名（例如 example.com）。</translation>
    </message>
    <message>
        <source>The domain of the e-mail address (after the @) is not valid: each part between dots needs 1 to 63 letters, digits or inner hyphens.</source>
        <translation>电子邮箱地址的域名（@ 之后的部分）无效：以点号分隔的每一段须由 1 至 63 个字母、数字或连字符组成，连字符不能位于段首或段尾。</translation>
    </message>
    <message>
        <source>The domain of the e-mail address (after the @) should end with a name such as .com or .cn.</source>
        <translation>电子邮箱地址的域名（@ 之后的部分）应以 .com、.cn 等名称结尾。</translation>
    </message>
    <message>
        <source>Enter the customer&apos;s name.</source>
        <translation>请输入客户姓名。</translation>
    </message>
    <message>
        <source>The name can have at most %1 characters, not %2.</source>
        <translation>姓名最多 %1 个字符，而不是 %2 个。</translation>
    </message>
    <message>
        <source>The name cannot contain digits (character %1). Enter the name as on the ID document.</source>
        <translation>姓名不能包含数字（第 %1 个字符）。请按证件上的姓名填写。</translation>
    </message>
    <message>
        <source>The name contains a control or invisible character (character %1). Retype the name.</source>
        <translation>姓名含有控制字符或不可见字符（第 %1 个字符）。请重新输入姓名。</translation>
    </message>
    <message>
        <source>The name can contain only letters, spaces, hyphens, apostrophes, periods and the middle dot (·); character %1 is not allowed.</source>
        <translation>姓名只能包含文字、空格、连字符、撇号、句点和间隔点（·）；第 %1 个字符不允许使用。</translation>
    </message>
    <message>
        <source>The name should contain at least one letter.</source>
        <translation>姓名中至少应有一个文字。</translation>
    </message>
    <message>
        <source>The name cannot start or end with a middle dot or a hyphen.</source>
        <translation>姓名不能以间隔点或连字符开头或结尾。</translation>
    </message>
    <message>
        <source>The address can have at most %1 characters, not %2.</source>
        <translation>地址最多 %1 个字符，而不是 %2 个。</translation>
    </message>
    <message>
        <source>The address contains a control or invisible character (character %1). Retype the address.</source>
        <translation>地址含有控制字符或不可见字符（第 %1 个字符）。请重新输入地址。</translation>
    </message>
    <message>
        <source>The sex should be male or female (M or F, 男 or 女).</source>
        <translation>性别应为男或女（可填写 M、F、男或女）。</translation>
    </message>
    <message>
        <source>The birth date is before 1900. Check the date on the ID document.</source>
        <translation>出生日期早于 1900 年。请核对证件上的日期。</translation>
    </message>
    <message>
        <source>The birth date is in the future. Check the date on the ID document.</source>
        <translation>出生日期是未来的日期。请核对证件上的日期。</translation>
    </message>
    <message>
        <source>The birth date does not match the one in the ID number. Correct the birth date, or check the ID number against the document.</source>
        <translation>出生日期与证件号码中的出生日期不一致。请更正出生日期，或将证件号码与证件核对。</translation>
    </message>
    <message>
        <source>Enter a mobile number or an address: the customer needs at least one of them.</source>
        <translation>请输入手机号码或地址：客户至少需要填写其中一项。</translation>
    </message>
    <message>
        <source>The other phone number should be a mobile number (11 digits starting with 13 to 19), a landline number with its area code (for example 010-62345678), or an international number starting with + and the country code. Check the number with the customer.</source>
        <translation>其他电话应为手机号码（以 13 至 19 开头的 11 位数字）、带区号的固定电话（例如 010-62345678），或以 + 和国家代码开头的国际号码。请与客户核对号码。</translation>
    </message>
</context>
<context>
    <name>ValueLabels</name>
    <message>
        <source>under 20</source>
        <translation>20 岁以下</translation>
    </message>
    <message>
        <source>70 and over</source>
        <translation>70 岁及以上</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2 岁</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>at the counter</source>
        <translation>柜面</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>online banking</source>
        <translation>网上银行</translation>
    </message>
    <message>
        <source>mobile app</source>
        <translation>手机银行</translation>
    </message>
    <message>
        <source>by letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>processing of personal information</source>
        <translation>个人信息处理</translation>
    </message>
    <message>
        <source>marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>given</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>debit card</source>
        <translation>借记卡</translation>
    </message>
    <message>
        <source>credit card</source>
        <translation>信用卡</translation>
    </message>
    <message>
        <source>savings account</source>
        <translation>储蓄账户</translation>
    </message>
    <message>
        <source>current account</source>
        <translation>结算账户</translation>
    </message>
    <message>
        <source>fixed deposit</source>
        <translation>定期存款</translation>
    </message>
    <message>
        <source>under CNY 50,000</source>
        <translation>50,000 元以下</translation>
    </message>
    <message>
        <source>CNY 50,000–100,000</source>
        <translation>50,000–100,000 元</translation>
    </message>
    <message>
        <source>CNY 100,000–300,000</source>
        <translation>100,000–300,000 元</translation>
    </message>
    <message>
        <source>CNY 300,000–1,000,000</source>
        <translation>300,000–1,000,000 元</translation>
    </message>
    <message>
        <source>over CNY 1,000,000</source>
        <translation>1,000,000 元以上</translation>
    </message>
    <message>
        <source>single</source>
        <translation>未婚</translation>
    </message>
    <message>
        <source>married</source>
        <translation>已婚</translation>
    </message>
    <message>
        <source>divorced</source>
        <translation>离异</translation>
    </message>
    <message>
        <source>widowed</source>
        <translation>丧偶</translation>
    </message>
</context>
<context>
    <name>VaultCommands</name>
    <message>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <source>The database opened with the recovery passphrase, and its key is now in this account&apos;s keychain.</source>
        <translation>已使用恢复口令打开数据库，其密钥现已保存在当前操作系统账户的系统钥匙串中。</translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>backup needs --out FILE.</source>
        <translation>backup 命令需要 --out FILE 参数。</translation>
    </message>
    <message>
        <source>Backup written to %1 (%2 bytes). It is encrypted; the recovery passphrase opens it on another machine.</source>
        <translation>备份已写入 %1（%2 字节）。备份已加密；在其他计算机上可用恢复口令打开。</translation>
    </message>
    <message>
        <source>restore needs --from FILE.</source>
        <translation>restore 命令需要 --from FILE 参数。</translation>
    </message>
    <message>
        <source>Recovery passphrase of the backed-up database</source>
        <translation>被备份数据库的恢复口令</translation>
    </message>
    <message>
        <source>Restored %1 from %2.</source>
        <translation>已从 %2 还原 %1。</translation>
    </message>
    <message>
        <source>The previous database was kept as %1.</source>
        <translation>原数据库已保留为 %1。</translation>
    </message>
    <message>
        <source>re-encrypting protected values: %1%</source>
        <translation>正在重新加密受保护字段值：%1%</translation>
    </message>
    <message>
        <source>All keys were rotated: the database key, the wrapping key and the field keys. The old key no longer opens the database; the recovery passphrase still does.</source>
        <translation>所有密钥均已轮换：数据库密钥、封装密钥和字段密钥。旧密钥已无法打开数据库；恢复口令仍然有效。</translation>
    </message>
    <message>
        <source>Created the BranchVault database %1.
Its key is in this account&apos;s keychain.

Recovery passphrase — shown only now. Print or write it down, seal it, and keep it away from this computer; with the key envelope beside the database it unlocks the database on a new machine:

    %2

First administrator: %3, one-time password %4 (to be changed at the first sign-in: branchvault-cli passwd --user %3).</source>
        <translation>已创建 BranchVault 数据库 %1。
其密钥已保存在当前操作系统账户的系统钥匙串中。

恢复口令——仅此一次显示。请将其打印或抄写下来，密封后与本机分开存放；配合数据库旁的密钥信封，可在新的计算机上解锁数据库：

    %2

首个系统管理员：%3，一次性密码 %4（首次登录时须修改：branchvault-cli passwd --user %3）。</translation>
    </message>
    <message>
        <source>restore needs --user LOGIN: an administrator of the backed-up database (the password is read from standard input).</source>
        <translation>restore 命令需要 --user LOGIN 参数：被备份数据库中的一名系统管理员（密码从标准输入读取）。</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>New recovery passphrase — shown only now. Print or write it down, seal it, and keep it away from this computer:

    %1</source>
        <translation>新的恢复口令——仅此一次显示。请打印或抄写下来，密封保管，并远离本机存放：

    %1</translation>
    </message>
    <message>
        <source>A new key envelope was written beside the database.</source>
        <translation>已在数据库旁写入新的密钥信封。</translation>
    </message>
    <message>
        <source>The new recovery passphrase above is valid, but the keys could not be rotated: %1 Until &quot;branchvault-cli rekey&quot; succeeds, the old recovery sheet also still opens the database.</source>
        <translation>上面的新恢复口令有效，但密钥未能轮换：%1 在“branchvault-cli rekey”成功之前，旧的恢复口令单也仍能打开数据库。</translation>
    </message>
    <message>
        <source>A new key envelope was written beside the database and the keys were rotated: the old recovery passphrase, the old envelope and earlier backups&apos; envelopes no longer open it. Destroy the old recovery sheet.</source>
        <translation>已在数据库旁写入新的密钥信封，并已轮换密钥：旧的恢复口令、旧的密钥信封以及以前备份中的密钥信封都已不能打开数据库。请销毁旧的恢复口令单。</translation>
    </message>
    <message>
        <source>notice: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message numerus="yes">
        <source>All checks passed: database integrity, page authentication (cipher_integrity_check), key envelope, field keys and the audit chain (%n rows).</source>
        <translation>
            <numerusform>全部校验通过：数据库完整性、页面认证（cipher_integrity_check）、密钥信封、字段密钥和审计链（%n 条记录）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verification found %n problems. Restore the latest backup if the database is damaged, or follow the advice on each line.</source>
        <translation>
            <numerusform>校验发现 %n 个问题。如数据库已损坏，请还原最新的备份；否则请按每行的建议处理。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaultService</name>
    <message>
        <source>The cryptography library could not be initialised.</source>
        <translation>加密库无法初始化。</translation>
    </message>
    <message>
        <source>A database or key envelope already exists at %1. BranchVault never overwrites them; open the existing database, or choose another location.</source>
        <translation>%1 处已存在数据库或密钥信封。BranchVault 从不覆盖它们；请打开已有的数据库，或选择其他位置。</translation>
    </message>
    <message>
        <source>the first page cannot be decrypted</source>
        <translation>第一页无法解密</translation>
    </message>
    <message>
        <source>; and %1 more</source>
        <translation>；另有 %1 项</translation>
    </message>
    <message>
        <source>The database file is damaged: the key is right, but pages of the file fail their integrity check. Restore the latest backup (branchvault-cli restore); the damaged file was not changed.</source>
        <translation>数据库文件已损坏：密钥正确，但文件中有页面未通过完整性校验。请还原最新的备份（branchvault-cli restore）；已损坏的文件未被更改。</translation>
    </message>
    <message>
        <source>The key envelope beside the database belongs to another database. Put this database&apos;s own envelope beside it (it is in every backup).</source>
        <translation>数据库旁的密钥信封属于另一个数据库。请将此数据库自己的密钥信封放到数据库旁（每个备份中都有该密钥信封）。</translation>
    </message>
    <message>
        <source>There is no BranchVault database at %1. Choose the right file, or create a new database with &quot;branchvault-cli init&quot;.</source>
        <translation>%1 处没有 BranchVault 数据库。请选择正确的文件，或使用“branchvault-cli init”创建新数据库。</translation>
    </message>
    <message>
        <source>The key of this database is not in this computer&apos;s keychain (for example after the workstation was re-imaged or for a new OS account). Unlock it once with the recovery passphrase: branchvault-cli unlock --db %1</source>
        <translation>本机系统钥匙串中没有此数据库的密钥（例如工作站重装系统后，或换用新的操作系统账户时）。请使用恢复口令解锁一次：branchvault-cli unlock --db %1</translation>
    </message>
    <message>
        <source>There is no BranchVault database at %1. Restore it from a backup first (branchvault-cli restore).</source>
        <translation>%1 处没有 BranchVault 数据库。请先从备份中还原（branchvault-cli restore）。</translation>
    </message>
    <message>
        <source>database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>key envelope: it belongs to another database</source>
        <translation>密钥信封：属于另一个数据库</translation>
    </message>
    <message>
        <source>key envelope: a key rotation was interrupted; open the database once to finish it</source>
        <translation>密钥信封：密钥轮换曾被中断；请打开一次数据库以完成轮换</translation>
    </message>
    <message>
        <source>protected values: %1 are sealed with a retired key</source>
        <translation>受保护字段值：有 %1 项使用已停用的密钥加密</translation>
    </message>
    <message>
        <source>The key does not open this database: it belongs to another database, or it is an old key that has since been changed. Unlock with this database&apos;s recovery passphrase (branchvault-cli unlock).</source>
        <translation>该密钥无法打开此数据库：它属于另一个数据库，或是已被更换的旧密钥。请使用此数据库的恢复口令解锁（branchvault-cli unlock）。</translation>
    </message>
    <message>
        <source>A restore of a database at %1 was interrupted, or the database it replaced is kept beside it. BranchVault does not create a new database there: open the existing database (an interrupted restore is finished when it opens), or move the kept files away first.</source>
        <translation>%1 处数据库的一次还原被中断，或被替换的数据库仍保留在旁边。BranchVault 不会在此创建新数据库：请打开现有数据库（中断的还原会在打开时完成），或先移走保留的文件。</translation>
    </message>
    <message>
        <source>This database met a damaged page, so BranchVault now opens it only to verify it and to back it up. Run &quot;branchvault-cli verify&quot;: if it passes, the database opens as usual again; if it reports damage, restore the latest backup.</source>
        <translation>此数据库读到过损坏的页面，因此 BranchVault 现在只为校验和备份而打开它。请运行“branchvault-cli verify”：若校验通过，数据库即恢复正常使用；若报告损坏，请还原最近的备份。</translation>
    </message>
    <message>
        <source>The key envelope beside the database is missing or damaged, so the recovery passphrase can no longer open the database. This computer&apos;s keychain still opens it, and nothing is lost. An administrator writes a new envelope with a new recovery passphrase: branchvault-cli repair-envelope --db %1 --user ADMIN; then print the new recovery sheet and destroy the old one.</source>
        <translation>数据库旁的密钥信封缺失或已损坏，恢复口令已无法打开数据库。本机系统钥匙串仍能打开它，没有丢失任何数据。请系统管理员用新的恢复口令写入新的密钥信封：branchvault-cli repair-envelope --db %1 --user ADMIN；然后打印新的恢复口令单并销毁旧的。</translation>
    </message>
    <message>
        <source>its key check does not match the database key</source>
        <translation>其密钥校验值与数据库密钥不符</translation>
    </message>
    <message>
        <source>The database itself failed its integrity check, so no new key envelope was written. Restore the latest backup instead.</source>
        <translation>数据库本身未通过完整性检查，因此未写入新的密钥信封。请改为还原最近的备份。</translation>
    </message>
    <message>
        <source>The key envelope is in order and opens this database; nothing was changed. The existing recovery passphrase stays valid.</source>
        <translation>密钥信封完好，能打开此数据库；未做任何更改。现有恢复口令继续有效。</translation>
    </message>
    <message>
        <source>Keeping the damaged key envelope aside</source>
        <translation>将损坏的密钥信封另行保留</translation>
    </message>
    <message>
        <source>this computer&apos;s keychain still opens the database: an administrator writes a new envelope with a new recovery passphrase (branchvault-cli repair-envelope --user ADMIN), then prints the new recovery sheet and destroys the old one</source>
        <translation>本机系统钥匙串仍能打开数据库：请系统管理员用新的恢复口令写入新的密钥信封（branchvault-cli repair-envelope --user ADMIN），然后打印新的恢复口令单并销毁旧的</translation>
    </message>
    <message>
        <source>key envelope: %1; %2</source>
        <translation>密钥信封：%1；%2</translation>
    </message>
    <message>
        <source>key envelope: its key check does not match the database key, so the recovery passphrase may not open this database; %1</source>
        <translation>密钥信封：其密钥校验值与数据库密钥不符，恢复口令可能无法打开此数据库；%1</translation>
    </message>
    <message>
        <source>The database holds neither its staff keys nor the keys of an earlier release. Run &quot;branchvault-cli verify&quot;; if it reports damage, restore the latest backup.</source>
        <translation>数据库中既没有员工密钥，也没有早期版本的密钥。请运行“branchvault-cli verify”；如报告损坏，请恢复最近的备份。</translation>
    </message>
    <message>
        <source>keyring: staff keys are wrapped by %1 keys instead of one</source>
        <translation>密钥环：员工密钥被 %1 个密钥包装，而不是一个</translation>
    </message>
    <message>
        <source>key slots: the recovery key slot is missing; a branch manager&apos;s next sign-in writes it</source>
        <translation>密钥槽：缺少恢复密钥槽；网点负责人下次登录时将写入</translation>
    </message>
    <message>
        <source>key slots: the customer keys&apos; recovery slot still opens with the earlier recovery passphrase (the envelope was repaired since). Keep the earlier sheet sealed, or have a branch manager adopt the new sheet: branchvault-cli adopt-recovery --user MANAGER.</source>
        <translation>密钥槽：客户密钥的恢复槽仍只能用先前的恢复口令打开（密钥信封此后已修复）。请继续密封保管先前的口令单，或由网点负责人采用新的口令单：branchvault-cli adopt-recovery --user MANAGER。</translation>
    </message>
</context>
<context>
    <name>WidgetDialogs</name>
    <message>
        <source>&amp;Answer:</source>
        <translation>回答(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>WidgetStartupPrompts</name>
    <message>
        <source>Create a new database?</source>
        <translation>创建新数据库？</translation>
    </message>
    <message>
        <source>There is no BranchVault database at
%1

Create a new, encrypted database there? Choose Cancel if this workstation should use an existing database; restore it from a backup with branchvault-cli restore instead.</source>
        <translation>以下位置没有 BranchVault 数据库：
%1

是否在该位置创建新的加密数据库？如果此工作站应使用已有的数据库，请选择“取消”，然后改用 branchvault-cli restore 从备份中还原。</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
</context>
<context>
    <name>WorkingCalendar</name>
    <message>
        <source>Entry %1 of the date list, &quot;%2&quot;, is not a date in the form YYYY-MM-DD (for example 2026-10-01). Correct it and save again.</source>
        <translation>日期列表第 %1 项“%2”不是 YYYY-MM-DD 格式的日期（例如 2026-10-01）。请更正后重新保存。</translation>
    </message>
    <message>
        <source>Entry %1 of the date list, &quot;%2&quot;, is not a day of the calendar (check the month and the day). Correct it and save again.</source>
        <translation>日期列表第 %1 项“%2”不是日历上存在的日期（请检查月和日）。请更正后重新保存。</translation>
    </message>
    <message>
        <source>Entry %1 of the date list, &quot;%2&quot;, is outside the years %3 to %4. Check the year and save again.</source>
        <translation>日期列表第 %1 项“%2”不在 %3 至 %4 年的范围内。请检查年份后重新保存。</translation>
    </message>
    <message>
        <source>%1 is listed both as a holiday and as a make-up working day. Remove it from one of the two lists.</source>
        <translation>%1 同时列为节假日和调休工作日。请将其从其中一个列表中删除。</translation>
    </message>
    <message>
        <source>%1 is a weekday, which is a working day anyway; make-up working days are Saturdays or Sundays. Check whether the date belongs in the holiday list.</source>
        <translation>%1 是周一至周五中的一天，本来就是工作日；调休工作日只能是周六或周日。请检查该日期是否应列入节假日列表。</translation>
    </message>
</context>
<context>
    <name>bv::SqlCipherDriver</name>
    <message>
        <source>Cannot open the database file</source>
        <translation>无法打开数据库文件</translation>
    </message>
    <message>
        <source>Cannot set the database key</source>
        <translation>无法设置数据库密钥</translation>
    </message>
    <message>
        <source>Cannot close the database</source>
        <translation>无法关闭数据库</translation>
    </message>
    <message>
        <source>Cannot run the statement</source>
        <translation>无法执行语句</translation>
    </message>
    <message>
        <source>Cannot begin a transaction</source>
        <translation>无法开始事务</translation>
    </message>
    <message>
        <source>Cannot commit the transaction</source>
        <translation>无法提交事务</translation>
    </message>
    <message>
        <source>Cannot roll back the transaction</source>
        <translation>无法回滚事务</translation>
    </message>
</context>
<context>
    <name>bv::ui::AccountConfirmationsPage</name>
    <message>
        <source>new account</source>
        <translation>新建用户账户</translation>
    </message>
    <message>
        <source>password reset</source>
        <translation>密码重置</translation>
    </message>
    <message>
        <source>unfreeze</source>
        <translation>解冻</translation>
    </message>
    <message>
        <source>role change</source>
        <translation>角色变更</translation>
    </message>
    <message>
        <source>key slot after the upgrade</source>
        <translation>升级后的密钥槽</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Waiting change</source>
        <translation>待确认变更</translation>
    </message>
    <message>
        <source>Role after it</source>
        <translation>变更后角色</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <source>Account changes to confirm</source>
        <translation>待确认的用户账户变更</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>确认(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Decline…</source>
        <translation>驳回(&amp;D)…</translation>
    </message>
    <message>
        <source>No account change waits for your confirmation.</source>
        <translation>没有等待您确认的用户账户变更。</translation>
    </message>
    <message>
        <source>The change to %1 is confirmed.</source>
        <translation>%1 的变更已确认。</translation>
    </message>
    <message>
        <source>Decline the change</source>
        <translation>驳回变更</translation>
    </message>
    <message>
        <source>Why is the change to %1 declined? (A new or reset account is frozen.)</source>
        <translation>为何驳回 %1 的变更？（新建或已重置的用户账户将被冻结。）</translation>
    </message>
    <message>
        <source>The change to %1 is declined.</source>
        <translation>%1 的变更已驳回。</translation>
    </message>
    <message>
        <source>Adopt a new recovery &amp;sheet…</source>
        <translation>采用新的恢复口令单(&amp;S)…</translation>
    </message>
    <message>
        <source>After the administrator repaired the key envelope: type the new sheet&apos;s passphrase so that it, and no longer the earlier sheet, recovers the customer keys.</source>
        <translation>系统管理员修复密钥信封后：输入新口令单上的口令，使其（而不再是先前的口令单）用于恢复客户密钥。</translation>
    </message>
    <message>
        <source>Adopt a new recovery sheet</source>
        <translation>采用新的恢复口令单</translation>
    </message>
    <message>
        <source>The recovery passphrase printed on the new sheet (after the key envelope was repaired):</source>
        <translation>新口令单上打印的恢复口令（密钥信封修复后）：</translation>
    </message>
    <message>
        <source>The new recovery sheet now recovers the customer keys; destroy the earlier sheet under supervision.</source>
        <translation>现在由新的恢复口令单恢复客户密钥；请在监督下销毁先前的口令单。</translation>
    </message>
    <message numerus="yes">
        <source>%n account changes wait for a branch manager&apos;s confirmation. Check each with the administrator&apos;s request form before you confirm it; you cannot confirm a change to your own account.</source>
        <translation>
            <numerusform>有 %n 项用户账户变更等待网点负责人确认。确认前请逐项核对系统管理员的申请单；您不能确认本人用户账户的变更。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::AccountsFormPage</name>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove this account from the record (when the change is approved).</source>
        <translation>从客户记录中删除此账户（变更批准后生效）。</translation>
    </message>
    <message>
        <source>card: 13-19 digits; account: 12-19 digits</source>
        <translation>卡号：13-19 位数字；账号：12-19 位数字</translation>
    </message>
    <message>
        <source>Remove this row.</source>
        <translation>删除此行。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Write the opening date as YYYY-MM-DD.</source>
        <translation>请按 YYYY-MM-DD 格式填写开户日期。</translation>
    </message>
    <message>
        <source>An account cannot be opened in the future.</source>
        <translation>开户日期不能是未来的日期。</translation>
    </message>
    <message>
        <source>Add an &amp;account or card</source>
        <translation>添加账户或卡(&amp;A)</translation>
    </message>
</context>
<context>
    <name>bv::ui::AccountsModel</name>
    <message>
        <source>Frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Active — password change due</source>
        <translation>正常——需修改密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已绑定</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未登录</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Second factor</source>
        <translation>第二验证因素</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Waiting for a branch manager&apos;s confirmation</source>
        <translation>等待网点负责人确认</translation>
    </message>
</context>
<context>
    <name>bv::ui::AccountsPage</name>
    <message>
        <source>Staff accounts of this branch. An account is frozen, never deleted, when someone leaves, so its history stays attributable.</source>
        <translation>本网点员工的用户账户。员工离职时，其用户账户只会被冻结而不会被删除，以便其历史操作仍可追溯到本人。</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>新建用户账户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Unfreeze</source>
        <translation>解冻(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <source>Change ro&amp;le…</source>
        <translation>更改角色(&amp;L)…</translation>
    </message>
    <message>
        <source>Remove second fa&amp;ctor</source>
        <translation>移除第二验证因素(&amp;C)</translation>
    </message>
    <message>
        <source>Freeze account</source>
        <translation>冻结用户账户</translation>
    </message>
    <message>
        <source>Freeze the account %1? The person can no longer sign in and open sessions end. The account and its history stay; it can be unfrozen later.</source>
        <translation>冻结用户账户 %1？该用户将无法再登录，已打开的会话也会结束。用户账户及其历史记录将保留，以后可以解冻。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Give %1 a new one-time password? The current password stops working and a lockout is lifted; the user chooses a new password at the next sign-in.</source>
        <translation>为 %1 生成新的一次性密码？当前密码将失效，锁定状态也将解除；该用户下次登录时须设置新密码。</translation>
    </message>
    <message>
        <source>Remove second factor</source>
        <translation>移除第二验证因素</translation>
    </message>
    <message>
        <source>Remove the second factor of %1? Do this only when the person lost the authenticator and you have checked who is asking. The user enrols a new one after signing in.</source>
        <translation>移除 %1 的第二验证因素？仅当该用户丢失了身份验证器且您已核实申请人身份时，才可执行此操作。该用户登录后需重新绑定身份验证器。</translation>
    </message>
    <message>
        <source>Waiting for confirmation</source>
        <translation>等待确认</translation>
    </message>
    <message>
        <source>%1 can see customer data, so the change takes effect when a branch manager other than the account holder confirms it (dual control). Until then the account cannot sign in. The branch manager confirms it on the &quot;Staff accounts&quot; page and hands over a confirmation code.</source>
        <translation>%1 可查看客户数据，因此该变更须经账户持有人以外的网点负责人确认后生效（双人控制）。在此之前该用户账户不能登录。网点负责人在“员工账户”页面确认，并交付一个确认码。</translation>
    </message>
    <message>
        <source>Confirm &amp;with recovery passphrase…</source>
        <translation>用恢复口令确认(&amp;W)…</translation>
    </message>
    <message>
        <source>For the first branch manager, or the last one: no other branch manager can confirm the account, so the recovery passphrase does.</source>
        <translation>用于首位或最后一位网点负责人：没有其他网点负责人可以确认该用户账户，因此由恢复口令确认。</translation>
    </message>
    <message>
        <source>Confirm with the recovery passphrase</source>
        <translation>用恢复口令确认</translation>
    </message>
    <message>
        <source>The recovery passphrase of this database (from the sealed recovery sheet), to confirm branch manager %1:</source>
        <translation>本数据库的恢复口令（见密封的恢复口令单），用于确认网点负责人 %1：</translation>
    </message>
    <message>
        <source>Free&amp;ze</source>
        <translation>冻结(&amp;Z)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>A branch manager confirms or declines the waiting change on this screen (on-the-spot authorisation), without you signing out.</source>
        <translation>由网点负责人在本屏幕上确认或驳回待确认的变更（现场授权），您无需退出登录。</translation>
    </message>
    <message>
        <source>Authorised here</source>
        <translation>已现场授权</translation>
    </message>
    <message>
        <source>The change of %1 was confirmed by a branch manager on this screen.</source>
        <translation>%1 的变更已由网点负责人在本屏幕上确认。</translation>
    </message>
    <message>
        <source>The change of %1 was declined by a branch manager on this screen.</source>
        <translation>%1 的变更已由网点负责人在本屏幕上驳回。</translation>
    </message>
    <message>
        <source>Authoris&amp;e here…</source>
        <translation>现场授权(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>bv::ui::AdminWorkspace</name>
    <message>
        <source>Administration pages</source>
        <translation>系统管理页面</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>用户账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;torage</source>
        <translation>存储(&amp;T)</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Controlled re&amp;ports</source>
        <translation>受控报表(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
<context>
    <name>bv::ui::AppController</name>
    <message>
        <source>restoring %1</source>
        <translation>正在还原 %1</translation>
    </message>
    <message>
        <source>Restore: an administrator of the backup signs in</source>
        <translation>还原：请备份中的系统管理员登录</translation>
    </message>
    <message>
        <source>No administrator of the backup signed in, so the restore was cancelled and nothing was changed. Restore again and sign in with an administrator account of the backed-up database.</source>
        <translation>备份中的系统管理员未登录，因此已取消还原，未做任何更改。请重新还原，并使用被备份数据库中的系统管理员账户登录。</translation>
    </message>
    <message>
        <source>The backup %1 was restored.</source>
        <translation>已还原备份 %1。</translation>
    </message>
    <message>
        <source>The previous database was kept as %1.</source>
        <translation>原数据库已保留为 %1。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
<context>
    <name>bv::ui::ApprovalsPage</name>
    <message>
        <source>Customer &amp;changes (%1)</source>
        <translation>客户信息变更(&amp;C)（%1）</translation>
    </message>
    <message>
        <source>&amp;Tier changes (%1)</source>
        <translation>客户等级调整(&amp;T)（%1）</translation>
    </message>
    <message>
        <source>Special re&amp;quests (%1)</source>
        <translation>专项事务申请(&amp;Q)（%1）</translation>
    </message>
</context>
<context>
    <name>bv::ui::AssignmentPage</name>
    <message>
        <source>Assigned</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>托管</translation>
    </message>
    <message>
        <source>Custody ended early</source>
        <translation>提前结束托管</translation>
    </message>
    <message>
        <source>Custody ran out</source>
        <translation>托管到期</translation>
    </message>
    <message>
        <source>Reclaimed</source>
        <translation>收回</translation>
    </message>
    <message>
        <source>Customer &amp;number:</source>
        <translation>客户号(&amp;N)：</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原客户经理</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新客户经理</translation>
    </message>
    <message>
        <source>Custody until</source>
        <translation>托管截止日</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Assignment history</source>
        <translation>分配历史</translation>
    </message>
    <message>
        <source>Change the customer manager</source>
        <translation>更换客户经理</translation>
    </message>
    <message>
        <source>Customer manager&apos;s login</source>
        <translation>客户经理登录名</translation>
    </message>
    <message>
        <source>The login of an active customer manager account.</source>
        <translation>处于正常状态的客户经理用户账户的登录名。</translation>
    </message>
    <message>
        <source>Last day of the custody</source>
        <translation>托管最后一天</translation>
    </message>
    <message>
        <source>For example: staff change, leave, customer&apos;s wish</source>
        <translation>例如：人员变动、休假、客户意愿</translation>
    </message>
    <message>
        <source>Customer &amp;manager (login):</source>
        <translation>客户经理（登录名）(&amp;M)：</translation>
    </message>
    <message>
        <source>Custody &amp;until (last day):</source>
        <translation>托管截止（最后一天）(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>分配(&amp;A)</translation>
    </message>
    <message>
        <source>Give a customer without an active manager to the manager.</source>
        <translation>将没有在用客户经理的客户分配给该客户经理。</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>移交(&amp;T)</translation>
    </message>
    <message>
        <source>Move the customer to the manager permanently.</source>
        <translation>将客户永久移交给该客户经理。</translation>
    </message>
    <message>
        <source>&amp;Custody</source>
        <translation>托管(&amp;C)</translation>
    </message>
    <message>
        <source>Let the manager serve the customer until the chosen day; the customer then returns by itself.</source>
        <translation>由该客户经理托管客户至所选日期；到期后客户自动交还原客户经理。</translation>
    </message>
    <message>
        <source>&amp;End custody</source>
        <translation>结束托管(&amp;E)</translation>
    </message>
    <message>
        <source>Return the customer to the own manager before the custody&apos;s end.</source>
        <translation>在托管到期前将客户交还其原客户经理。</translation>
    </message>
    <message>
        <source>Take the customer from whoever holds it now and give it to the manager.</source>
        <translation>将客户从当前负责人处收回，交给该客户经理。</translation>
    </message>
    <message>
        <source>Customer %1 (%2) has no customer manager.</source>
        <translation>客户 %1（%2）没有客户经理。</translation>
    </message>
    <message>
        <source>Customer %1 (%2) is served by %3.</source>
        <translation>客户 %1（%2）由 %3 负责。</translation>
    </message>
    <message>
        <source>In custody until %1.</source>
        <translation>托管至 %1。</translation>
    </message>
    <message>
        <source>Customer %1 assigned to %2.</source>
        <translation>客户 %1 已分配给 %2。</translation>
    </message>
    <message>
        <source>Customer %1 transferred to %2.</source>
        <translation>客户 %1 已移交给 %2。</translation>
    </message>
    <message>
        <source>Customer %1 in the custody of %2 until %3.</source>
        <translation>客户 %1 已由 %2 托管至 %3。</translation>
    </message>
    <message>
        <source>The custody of customer %1 ended; the customer is back with the own manager.</source>
        <translation>客户 %1 的托管已结束；客户已交还原客户经理。</translation>
    </message>
    <message>
        <source>Customer %1 reclaimed for %2.</source>
        <translation>客户 %1 已收回并交由 %2 负责。</translation>
    </message>
    <message>
        <source>Rec&amp;laim</source>
        <translation>收回(&amp;L)</translation>
    </message>
    <message>
        <source>Find the customer in the branch list by a part of the number or of the masked name.</source>
        <translation>按客户号或脱敏姓名的一部分在网点客户列表中查找客户。</translation>
    </message>
    <message>
        <source>Choose a customer from the branch list, or type a customer number and choose Show.</source>
        <translation>请从网点客户列表中选择客户，或输入客户号后选择“显示”。</translation>
    </message>
    <message>
        <source>Ch&amp;oose customer…</source>
        <translation>选择客户(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>bv::ui::AuditAlertsPage</name>
    <message>
        <source>Alerts from</source>
        <translation>告警起始时间</translation>
    </message>
    <message>
        <source>Alerts until</source>
        <translation>告警截止时间</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>截止(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Show alerts</source>
        <translation>显示告警(&amp;S)</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Many clerk lookups</source>
        <translation>查询员查询次数过多</translation>
    </message>
    <message>
        <source>Same customer opened repeatedly</source>
        <translation>反复打开同一客户</translation>
    </message>
    <message>
        <source>Access outside working hours</source>
        <translation>工作时间以外访问</translation>
    </message>
    <message>
        <source>Repeated failed sign-ins</source>
        <translation>多次登录失败</translation>
    </message>
    <message>
        <source>Grant used right after approval</source>
        <translation>授权在批准后立即被使用</translation>
    </message>
    <message>
        <source>Audit rows: %1</source>
        <translation>审计记录序号：%1</translation>
    </message>
    <message>
        <source>No alerts in this period.</source>
        <translation>此期间没有告警。</translation>
    </message>
    <message>
        <source>Printout not returned in time</source>
        <translation>打印件逾期未还</translation>
    </message>
    <message>
        <source>Printout past its period of use</source>
        <translation>打印件超过使用期限</translation>
    </message>
    <message>
        <source>Print never finished</source>
        <translation>打印结果未登记</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起始(&amp;F)：</translation>
    </message>
    <message numerus="yes">
        <source>%n alerts in this period.</source>
        <translation>
            <numerusform>此期间有 %n 条告警。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::AuditCheckpointPage</name>
    <message>
        <source>&amp;Take a checkpoint</source>
        <translation>生成检查点(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save as text…</source>
        <translation>另存为文本(&amp;S)…</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>另存为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>Save the checkpoint</source>
        <translation>保存检查点</translation>
    </message>
    <message>
        <source>Audit checkpoints (*.txt)</source>
        <translation>审计检查点 (*.txt)</translation>
    </message>
    <message>
        <source>The checkpoint was saved to %1.</source>
        <translation>检查点已保存到 %1。</translation>
    </message>
    <message>
        <source>A checkpoint names the first and the last audit row, the last row&apos;s hash and the number of rows. Keep it away from this computer (printed in a file, or on a medium the administrator cannot reach): verifying against it later shows whether rows were deleted or the log was rewritten in between.</source>
        <translation>检查点记录第一条和最后一条审计记录、最后一条记录的哈希值以及记录条数。请将其与本机分开保存（打印后归档，或存放在系统管理员无法接触的介质上）：日后据此校验，即可判断此期间是否有记录被删除或审计日志被改写。</translation>
    </message>
    <message>
        <source>The controlled checkpoint sheet: the chain&apos;s head when it is printed, with a serial, registered in the print register.</source>
        <translation>受控的检查点单：打印时审计链的末端，带序列号，并登记在打印登记簿中。</translation>
    </message>
    <message>
        <source>Pri&amp;nt the sheet…</source>
        <translation>打印检查点单(&amp;N)…</translation>
    </message>
    <message>
        <source>Audit checkpoint sheet</source>
        <translation>审计检查点单</translation>
    </message>
    <message>
        <source>The checkpoint sheet (serial %1) was saved to %2. It is in the print register: destroy it there with a witness when it is replaced.</source>
        <translation>检查点单（序列号 %1）已保存到 %2。它已登记在打印登记簿中：被替换时请在监销人在场的情况下销毁，并在登记簿中记录。</translation>
    </message>
    <message>
        <source>The checkpoint sheet was printed with serial %1. Sign it, file it away from this computer, and record its receipt in the print register.</source>
        <translation>检查点单已打印，序列号 %1。请签字，存放在本机以外的地方，并在打印登记簿中登记签收。</translation>
    </message>
</context>
<context>
    <name>bv::ui::AuditExportPage</name>
    <message>
        <source>Export the audit rows that match the filter to a CSV file for the investigation or the archive. The file holds customer numbers and masked details only; it is never written over an existing file, and the export is itself recorded.</source>
        <translation>将符合筛选条件的审计记录导出为 CSV 文件，供调查或归档使用。文件中仅含客户号和脱敏后的详细信息；导出从不覆盖已有文件，且导出操作本身也会记入审计日志。</translation>
    </message>
    <message>
        <source>Rows to export</source>
        <translation>要导出的记录</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Export in progress</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>未导出任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n rows exported to %1.</source>
        <translation>
            <numerusform>已将 %n 条记录导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::AuditFilterForm</name>
    <message>
        <source>From (branch time)</source>
        <translation>起始时间（网点时间）</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>截止(&amp;U)：</translation>
    </message>
    <message>
        <source>Until (branch time)</source>
        <translation>截止时间（网点时间）</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>any customer</source>
        <translation>任意客户</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Ac&amp;tion:</source>
        <translation>操作(&amp;T)：</translation>
    </message>
    <message>
        <source>Customer &amp;number:</source>
        <translation>客户号(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>起始(&amp;F)：</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>any person</source>
        <translation>任何人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>any action</source>
        <translation>任何操作</translation>
    </message>
    <message>
        <source>%1 (all)</source>
        <translation>%1（全部）</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>人员(&amp;P)：</translation>
    </message>
    <message>
        <source>%1 (%2), %3</source>
        <translation>%1（%2），%3</translation>
    </message>
    <message>
        <source>%1, frozen</source>
        <translation>%1，已冻结</translation>
    </message>
</context>
<context>
    <name>bv::ui::AuditLogModel</name>
    <message>
        <source>Row</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
</context>
<context>
    <name>bv::ui::AuditLogPage</name>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>&amp;Clear filter</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>Audit log rows</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Details of the selected row</source>
        <translation>所选行的详细信息</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message numerus="yes">
        <source>%n rows shown; more rows match.</source>
        <translation>
            <numerusform>已显示 %n 行；还有更多匹配的行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows.</source>
        <translation>
            <numerusform>共 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Row as stored:</source>
        <translation>原始记录：</translation>
    </message>
    <message>
        <source>Row %1 · %2 (UTC %3) · workstation %4</source>
        <translation>记录 %1 · %2（UTC %3）· 工作站 %4</translation>
    </message>
    <message>
        <source>User id %1 · login %2 · role %3</source>
        <translation>用户 ID %1 · 登录名 %2 · 角色 %3</translation>
    </message>
    <message>
        <source>Action %1 · outcome %2</source>
        <translation>操作 %1 · 结果 %2</translation>
    </message>
    <message>
        <source>Object %1 %2 · customer number %3</source>
        <translation>对象 %1 %2 · 客户号 %3</translation>
    </message>
    <message>
        <source>Details %1</source>
        <translation>详情 %1</translation>
    </message>
    <message>
        <source>Previous hash: %1</source>
        <translation>前一条哈希：%1</translation>
    </message>
    <message>
        <source>Hash: %1</source>
        <translation>哈希：%1</translation>
    </message>
    <message>
        <source>Appl&amp;y filter</source>
        <translation>应用筛选(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>bv::ui::AuditVerifyPage</name>
    <message>
        <source>Every audit row carries the hash of the row before it and its own. Verifying walks the whole chain and names the first row that does not match. A checkpoint taken earlier also proves that the rows up to it were not rewritten or removed since.</source>
        <translation>每条审计记录都带有前一行的哈希值和本行自身的哈希值。校验会遍历整条哈希链，并指出第一个不符的行。此前创建的检查点还能证明：截至该检查点的各行此后未被改写或删除。</translation>
    </message>
    <message>
        <source>Verify against a check&amp;point file…</source>
        <translation>对照检查点文件校验(&amp;P)…</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>校验结果</translation>
    </message>
    <message>
        <source>Broken at row %1: %2</source>
        <translation>哈希链在第 %1 行断开：%2</translation>
    </message>
    <message>
        <source>Keep the database as it is (make a backup of it for the investigation) and report this to the branch manager and the information-security office.</source>
        <translation>请保持数据库原状（可为调查备份一份），并将此情况报告网点负责人和信息安全部门。</translation>
    </message>
    <message>
        <source>Against the checkpoint %1:</source>
        <translation>对照检查点 %1：</translation>
    </message>
    <message>
        <source>Open a checkpoint</source>
        <translation>打开检查点</translation>
    </message>
    <message>
        <source>Audit checkpoints (*.txt *.checkpoint);;All files (*)</source>
        <translation>审计检查点 (*.txt *.checkpoint);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The checkpoint file %1 cannot be read (%2). Check the file and try again.</source>
        <translation>无法读取检查点文件 %1（%2）。请检查该文件后重试。</translation>
    </message>
    <message>
        <source>The file %1 is too large to be an audit checkpoint. Choose the checkpoint file that BranchVault saved.</source>
        <translation>文件 %1 过大，不可能是审计检查点。请选择 BranchVault 保存的检查点文件。</translation>
    </message>
    <message>
        <source>Verify the &amp;chain</source>
        <translation>校验哈希链(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>Intact: %n rows checked; head row %1, head hash %2.</source>
        <translation>
            <numerusform>完整：已校验 %n 行；最新行 %1，最新哈希值 %2。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::AuditorWorkspace</name>
    <message>
        <source>Audit pages</source>
        <translation>审计页面</translation>
    </message>
    <message>
        <source>Audit &amp;log</source>
        <translation>审计日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>校验(&amp;V)</translation>
    </message>
    <message>
        <source>Chec&amp;kpoint</source>
        <translation>检查点(&amp;K)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Controlle&amp;d reports</source>
        <translation>受控报表(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>告警(&amp;A)</translation>
    </message>
    <message>
        <source>Print &amp;register</source>
        <translation>打印登记簿(&amp;R)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
<context>
    <name>bv::ui::AuthoriseHereDialog</name>
    <message>
        <source>Authorise here (on-the-spot authorisation)</source>
        <translation>现场授权</translation>
    </message>
    <message>
        <source>What is decided</source>
        <translation>待决定事项</translation>
    </message>
    <message>
        <source>The authorising person (not %1) signs in here for this one decision and is signed out right after it.</source>
        <translation>授权人（不能是 %1）在此登录，仅作出本项决定，决定后立即退出登录。</translation>
    </message>
    <message>
        <source>only when the person uses an authenticator app</source>
        <translation>仅在授权人使用身份验证器应用时填写</translation>
    </message>
    <message>
        <source>Authorising person&apos;s &amp;login:</source>
        <translation>授权人登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Authenticator &amp;code:</source>
        <translation>动态验证码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Authorising person&apos;s login</source>
        <translation>授权人登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>动态验证码</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>驳回(&amp;J)</translation>
    </message>
    <message>
        <source>Give the reason for the approval (for example what was checked against the documents).</source>
        <translation>请填写批准原因（例如已与哪些证件资料核对）。</translation>
    </message>
    <message>
        <source>Give the reason for the rejection, so the maker can correct it.</source>
        <translation>请填写驳回原因，以便经办人更正。</translation>
    </message>
    <message>
        <source>%1, in person</source>
        <translation>%1 本人在场</translation>
    </message>
    <message>
        <source>%1 types their own new password here while the branch manager watches. No confirmation code is shown; the one-time password stops working.</source>
        <translation>请 %1 在网点负责人见证下在此亲自输入新密码。不会显示确认码；一次性密码随即失效。</translation>
    </message>
    <message>
        <source>New password of %1</source>
        <translation>%1 的新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>&amp;New password of %1:</source>
        <translation>%1 的新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>Repeat the ne&amp;w password:</source>
        <translation>再次输入新密码(&amp;W)：</translation>
    </message>
    <message>
        <source>The two new passwords differ. The person types the new password twice, the same both times.</source>
        <translation>两次输入的新密码不一致。请本人再输入两次相同的新密码。</translation>
    </message>
</context>
<context>
    <name>bv::ui::BranchCustomersPage</name>
    <message>
        <source>Exact lookup</source>
        <translation>精确查询</translation>
    </message>
    <message>
        <source>&amp;Look up by:</source>
        <translation>查询依据(&amp;L)：</translation>
    </message>
    <message>
        <source>Kind of lookup</source>
        <translation>查询类型</translation>
    </message>
    <message>
        <source>Full &amp;value:</source>
        <translation>完整值(&amp;V)：</translation>
    </message>
    <message>
        <source>Full value to look up</source>
        <translation>要查询的完整值</translation>
    </message>
    <message>
        <source>The complete value (exact match only)</source>
        <translation>完整的值（仅精确匹配）</translation>
    </message>
    <message>
        <source>L&amp;ook up</source>
        <translation>查询(&amp;O)</translation>
    </message>
    <message>
        <source>Lookup results</source>
        <translation>查询结果</translation>
    </message>
    <message>
        <source>&amp;Refresh list</source>
        <translation>刷新列表(&amp;R)</translation>
    </message>
    <message>
        <source>Branch customers</source>
        <translation>网点客户</translation>
    </message>
    <message>
        <source>Counting the branch&apos;s customers…</source>
        <translation>正在统计网点客户数量…</translation>
    </message>
    <message>
        <source>The list could not be read. Refresh it to try again.</source>
        <translation>无法读取列表。请刷新列表以重试。</translation>
    </message>
    <message>
        <source>No customer matches exactly.</source>
        <translation>没有完全匹配的客户。</translation>
    </message>
    <message numerus="yes">
        <source>%n customers in the branch</source>
        <translation>
            <numerusform>网点共有 %n 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers match exactly.</source>
        <translation>
            <numerusform>%n 位客户完全匹配。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::CalendarBox</name>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Official holidays and make-up working days are known for %1. Complaint due dates in other years count Saturdays and Sundays only, and the managers are warned. When the State Council publishes a new year&apos;s arrangement, import it here as a CSV file with the lines date,kind,name; the local lists in the settings stay on top.</source>
        <translation>已有 %1 年的官方节假日和调休工作日数据。其他年份的投诉截止日期只按周六、周日计算休息日，并会提醒网点负责人。国务院公布新一年的放假安排后，请在此以 CSV 文件（各行为 date,kind,name）导入；设置中的本地日期列表仍优先适用。</translation>
    </message>
    <message>
        <source>no year</source>
        <translation>无任何年份</translation>
    </message>
    <message>
        <source>Import holiday calendar</source>
        <translation>导入节假日日历</translation>
    </message>
    <message>
        <source>Calendar files (*.csv);;All files (*)</source>
        <translation>日历文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check the file and try again.</source>
        <translation>无法读取 %1：%2。请检查文件后重试。</translation>
    </message>
    <message>
        <source>Imported the official calendar of %1: %2 holidays and %3 make-up working days. Complaints received from now on are counted with it.</source>
        <translation>已导入 %1 年的官方日历：%2 个节假日，%3 个调休工作日。此后受理的投诉将按此日历计算。</translation>
    </message>
    <message>
        <source>Import holida&amp;y calendar…</source>
        <translation>导入节假日日历(&amp;Y)…</translation>
    </message>
</context>
<context>
    <name>bv::ui::ChangeApprovalsPanel</name>
    <message>
        <source>Pending customer changes</source>
        <translation>待复核的客户信息变更</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Changed fields of the selected change</source>
        <translation>所选变更中修改的字段</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>驳回(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open customer</source>
        <translation>打开客户(&amp;O)</translation>
    </message>
    <message>
        <source>Changed &amp;fields (protected values masked):</source>
        <translation>修改的字段(&amp;F)（受保护字段值已脱敏）：</translation>
    </message>
    <message>
        <source>Approve change %1</source>
        <translation>批准变更 %1</translation>
    </message>
    <message>
        <source>Change %1 of customer %2 approved.</source>
        <translation>客户 %2 的变更 %1 已批准。</translation>
    </message>
    <message>
        <source>Reject change %1</source>
        <translation>驳回变更 %1</translation>
    </message>
    <message>
        <source>Reason for the rejection (the maker will see it):</source>
        <translation>驳回理由（经办人可以看到）：</translation>
    </message>
    <message>
        <source>Change %1 of customer %2 rejected.</source>
        <translation>客户 %2 的变更 %1 已驳回。</translation>
    </message>
    <message>
        <source>Reason for the approval (required; for example what you checked):</source>
        <translation>批准理由（必填；例如核对了什么）：</translation>
    </message>
</context>
<context>
    <name>bv::ui::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>当前密码(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>New password &amp;again:</source>
        <translation>再次输入新密码(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Change password</source>
        <translation>修改密码(&amp;C)</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same new password twice.</source>
        <translation>两次输入的新密码不一致。请两次输入相同的新密码。</translation>
    </message>
    <message>
        <source>Confirmation code from the branch manager</source>
        <translation>网点负责人交给您的确认码</translation>
    </message>
    <message>
        <source>Confirmation c&amp;ode:</source>
        <translation>确认码(&amp;O)：</translation>
    </message>
    <message>
        <source>A branch manager confirmed your account and gave you a confirmation code. Type it once here: it opens your access to customer information.</source>
        <translation>网点负责人已确认您的用户账户，并交给您一个确认码。请在此输入一次：它用于开通您对客户信息的访问。</translation>
    </message>
    <message>
        <source>Choose a new password before you continue: the current one is new, was reset by the administrator, or has expired.</source>
        <translation>请先设置新密码再继续：当前密码为新设密码、已被系统管理员重置，或已过期。</translation>
    </message>
</context>
<context>
    <name>bv::ui::ChangeRoleDialog</name>
    <message>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>New role for %1. The account&apos;s open sessions end; the user signs in again with the new role.</source>
        <translation>为 %1 设置新角色。该用户账户当前的会话将结束；用户需以新角色重新登录。</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>新角色</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Change role</source>
        <translation>更改角色(&amp;C)</translation>
    </message>
</context>
<context>
    <name>bv::ui::ClerkWorkspace</name>
    <message>
        <source>Look up one customer by the full name AND the full ID number, exactly as on the document, and state why. You see one masked card or &quot;No match&quot;; nothing is kept after the lookup.</source>
        <translation>请按证件上的内容准确输入完整姓名和完整证件号码（两者均须填写）来查询一位客户，并说明查询目的。查询结果为一张已脱敏的客户卡片或“无匹配结果”；查询结束后不保留任何信息。</translation>
    </message>
    <message>
        <source>Lookup</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>完整姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Purpose of the lookup</source>
        <translation>查询目的</translation>
    </message>
    <message>
        <source>for example: verifying the customer at the counter</source>
        <translation>例如：在柜台核实客户身份</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>完整姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>查询目的(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>查询(&amp;L)</translation>
    </message>
    <message>
        <source>N&amp;ew lookup</source>
        <translation>新查询(&amp;E)</translation>
    </message>
    <message>
        <source>Empties the form and the card</source>
        <translation>清空表单和客户卡片</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Restricted customer</source>
        <translation>重点保密客户</translation>
    </message>
    <message>
        <source>To file a restricted-access request, type the customer number the message above names, state the purpose and send the request. Look the customer up again once the branch manager has approved it.</source>
        <translation>如需提交重点保密客户访问申请，请输入上方消息中给出的客户号，说明申请目的后发送申请。网点负责人批准后，请重新查询该客户。</translation>
    </message>
    <message>
        <source>Customer number for the request</source>
        <translation>申请的客户号</translation>
    </message>
    <message>
        <source>Purpose of the request</source>
        <translation>申请目的</translation>
    </message>
    <message>
        <source>Validity of the request in hours</source>
        <translation>申请有效期（小时）</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Customer n&amp;umber:</source>
        <translation>客户号(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>有效期(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Request access</source>
        <translation>申请访问(&amp;R)</translation>
    </message>
    <message>
        <source>Customer lookup</source>
        <translation>客户查询</translation>
    </message>
    <message>
        <source>Request filed</source>
        <translation>申请已提交</translation>
    </message>
    <message>
        <source>Request %1 is filed and waits for the branch manager&apos;s decision. Once it is approved, look the customer up again with the full name and ID number.</source>
        <translation>申请 %1 已提交，正在等待网点负责人决定。批准后，请使用完整姓名和证件号码重新查询该客户。</translation>
    </message>
    <message>
        <source>No match. Check that the full name and the full ID number are typed exactly as on the customer&apos;s document: partial names and numbers are never searched.</source>
        <translation>无匹配结果。请检查完整姓名和完整证件号码是否与客户证件上的内容完全一致：系统从不按部分姓名或部分号码查询。</translation>
    </message>
    <message>
        <source>I&amp;D number:</source>
        <translation>证件号码(&amp;D)：</translation>
    </message>
    <message>
        <source>Purp&amp;ose of the request:</source>
        <translation>申请目的(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>bv::ui::ComplaintListModel</name>
    <message>
        <source>%1, overdue</source>
        <translation>%1，已逾期</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>已于 %1 完成</translation>
    </message>
    <message>
        <source>%1

Resolution: %2</source>
        <translation>%1

处理结果：%2</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Investigate by</source>
        <translation>调查截止时间</translation>
    </message>
    <message>
        <source>Answer by</source>
        <translation>答复截止时间</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>bv::ui::ComplaintsPage</name>
    <message>
        <source>Complaints of customer %1</source>
        <translation>客户 %1 的投诉</translation>
    </message>
    <message>
        <source>Record the &amp;answer…</source>
        <translation>记录答复(&amp;A)…</translation>
    </message>
    <message>
        <source>C&amp;lose…</source>
        <translation>关闭(&amp;L)…</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>Received (branch time)</source>
        <translation>受理时间（网点时间）</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>What the customer complains about. Never write a PIN, CVV or password.</source>
        <translation>客户投诉的内容。切勿填写 PIN、CVV 或密码。</translation>
    </message>
    <message>
        <source>Com&amp;plaint:</source>
        <translation>投诉内容(&amp;P)：</translation>
    </message>
    <message>
        <source>Complaint recorded</source>
        <translation>投诉已记录</translation>
    </message>
    <message>
        <source>The complaint of customer %1 was recorded. Investigate it by %2 and answer the customer by %3 (branch time).</source>
        <translation>客户 %1 的投诉已记录。请于 %2 前完成调查，并于 %3 前答复客户（网点时间）。</translation>
    </message>
    <message>
        <source>Answer to the complaint</source>
        <translation>投诉答复</translation>
    </message>
    <message>
        <source>What was the customer told, and what was done? (Never write a PIN, CVV or password.)</source>
        <translation>向客户答复了什么，采取了哪些措施？（切勿填写 PIN、CVV 或密码。）</translation>
    </message>
    <message>
        <source>Close the complaint</source>
        <translation>关闭投诉</translation>
    </message>
    <message>
        <source>The final outcome of the complaint:</source>
        <translation>投诉的最终处理结果：</translation>
    </message>
    <message>
        <source>Mark as in&amp;vestigating</source>
        <translation>标记为调查中(&amp;V)</translation>
    </message>
    <message>
        <source>Re&amp;ceived:</source>
        <translation>受理时间(&amp;C)：</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>渠道(&amp;N)：</translation>
    </message>
    <message>
        <source>Record co&amp;mplaint</source>
        <translation>记录投诉(&amp;M)</translation>
    </message>
</context>
<context>
    <name>bv::ui::ConsentPage</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意情况</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>同意记录</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>记录同意情况</translation>
    </message>
    <message>
        <source>Consent given or withdrawn</source>
        <translation>给予或撤回同意</translation>
    </message>
    <message>
        <source>Date of the consent</source>
        <translation>同意日期</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>目的(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;onsent:</source>
        <translation>同意情况(&amp;O)：</translation>
    </message>
    <message>
        <source>Da&amp;te:</source>
        <translation>日期(&amp;T)：</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>渠道(&amp;N)：</translation>
    </message>
    <message>
        <source>Re&amp;cord consent</source>
        <translation>记录同意情况(&amp;C)</translation>
    </message>
</context>
<context>
    <name>bv::ui::ContactFormPage</name>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>11 digits, for example 138 0013 8000 (a mobile or an address is required)</source>
        <translation>11 位数字，例如 138 0013 8000（手机号码和地址至少填写一项）</translation>
    </message>
</context>
<context>
    <name>bv::ui::CustomerDetailWidget</name>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Customer %1</source>
        <translation>客户 %1</translation>
    </message>
    <message>
        <source>Name (masked)</source>
        <translation>姓名（已脱敏）</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>This new record is waiting for a branch manager&apos;s approval.</source>
        <translation>此新建记录正在等待网点负责人批准。</translation>
    </message>
    <message>
        <source>A change of this customer (change %1) is waiting for a branch manager&apos;s approval.</source>
        <translation>该客户的一项变更（变更 %1）正在等待网点负责人批准。</translation>
    </message>
    <message>
        <source>Restricted (重点保密): only its customer manager and the branch manager may see it.</source>
        <translation>重点保密客户：仅其客户经理和网点负责人可以查看。</translation>
    </message>
    <message>
        <source>In temporary custody until %1.</source>
        <translation>临时托管至 %1。</translation>
    </message>
    <message>
        <source>Only an active customer without a change waiting for approval can be edited.</source>
        <translation>只有状态正常、且没有待批准变更的客户才能编辑。</translation>
    </message>
    <message>
        <source>Temporary custody:</source>
        <translation>临时托管：</translation>
    </message>
    <message>
        <source>yes, until %1</source>
        <translation>是，至 %1</translation>
    </message>
    <message>
        <source>&amp;Request full view…</source>
        <translation>申请完整查看(&amp;R)…</translation>
    </message>
    <message>
        <source>Show f&amp;ull values</source>
        <translation>显示明文(&amp;U)</translation>
    </message>
    <message>
        <source>Hi&amp;de full values</source>
        <translation>隐藏明文(&amp;D)</translation>
    </message>
    <message>
        <source>No accounts or cards on record.</source>
        <translation>暂无账户或卡片记录。</translation>
    </message>
    <message>
        <source>Approved to see in full: %1, until %2 (branch time).</source>
        <translation>已批准完整查看：%1，有效期至 %2（网点时间）。</translation>
    </message>
    <message>
        <source>Waiting for a branch manager&apos;s decision: full view of %1.</source>
        <translation>正在等待网点负责人决定：完整查看 %1。</translation>
    </message>
    <message>
        <source>Protected values are shown masked. To see one in full, request a full view; a branch manager must approve it.</source>
        <translation>受保护字段值以脱敏形式显示。如需完整查看，请提交完整查看申请；须经网点负责人批准。</translation>
    </message>
    <message>
        <source>Request filed</source>
        <translation>申请已提交</translation>
    </message>
    <message>
        <source>Request %1 was filed. Once a branch manager approves it, &quot;Show full values&quot; shows the values until the approval ends.</source>
        <translation>申请 %1 已提交。网点负责人批准后，“显示明文”将显示明文，直至批准的有效期结束。</translation>
    </message>
    <message>
        <source>Full values are shown until %1 (branch time); they are hidden again in %2.</source>
        <translation>明文显示至 %1（网点时间）；%2 后将再次隐藏。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Identity &amp;&amp; contact</source>
        <translation>身份与联系方式</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>客户概况</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意情况</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Sho&amp;w again</source>
        <translation>再次显示明文(&amp;W)</translation>
    </message>
</context>
<context>
    <name>bv::ui::CustomerFormPage</name>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>bv::ui::CustomerFormPages</name>
    <message>
        <source>Form pages</source>
        <translation>表单页面</translation>
    </message>
</context>
<context>
    <name>bv::ui::CustomerFormWidget</name>
    <message>
        <source>Edit customer %1</source>
        <translation>编辑客户 %1</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Protected values are not shown: leave a field empty to keep its value, type a new value to change it. The change waits for a branch manager&apos;s approval.</source>
        <translation>受保护字段值不予显示：字段留空则保留原值，输入新值则更改该值。变更须等待网点负责人批准。</translation>
    </message>
    <message>
        <source>The new record waits for a branch manager&apos;s approval before it is active.</source>
        <translation>新建记录须经网点负责人批准后方可生效。</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>撤销更改(&amp;U)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save change</source>
        <translation>保存变更(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Save new customer</source>
        <translation>保存新客户(&amp;S)</translation>
    </message>
    <message>
        <source>Nothing was changed. Type the new values, then save.</source>
        <translation>未做任何更改。请输入新值后再保存。</translation>
    </message>
    <message>
        <source>The change of customer %1 was saved. It is pending approval by a branch manager.</source>
        <translation>客户 %1 的变更已保存，正在等待网点负责人批准。</translation>
    </message>
    <message>
        <source>Customer %1 was saved. The new record is pending approval by a branch manager.</source>
        <translation>客户 %1 已保存。新建记录正在等待网点负责人批准。</translation>
    </message>
    <message>
        <source>Please note:</source>
        <translation>请注意：</translation>
    </message>
    <message>
        <source>Change saved</source>
        <translation>变更已保存</translation>
    </message>
    <message>
        <source>Customer saved</source>
        <translation>客户已保存</translation>
    </message>
</context>
<context>
    <name>bv::ui::CustomerHistoryPage</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <source>History of customer %1</source>
        <translation>客户 %1 的历史记录</translation>
    </message>
</context>
<context>
    <name>bv::ui::CustomerHostPage</name>
    <message>
        <source>&amp;Back</source>
        <translation>返回(&amp;B)</translation>
    </message>
    <message>
        <source>Close the customer and go back (Alt+Left)</source>
        <translation>关闭该客户并返回（Alt+Left）</translation>
    </message>
    <message>
        <source>No customer is open.</source>
        <translation>没有打开的客户。</translation>
    </message>
</context>
<context>
    <name>bv::ui::CustomerManagerWorkspace</name>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Customer list</source>
        <translation>客户列表</translation>
    </message>
    <message>
        <source>My customers</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <source>My complaints</source>
        <translation>我的投诉</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>待复核变更</translation>
    </message>
    <message>
        <source>Customer %1 (Ctrl+W closes the tab)</source>
        <translation>客户 %1（按 Ctrl+W 关闭标签页）</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
<context>
    <name>bv::ui::CustomerPickerDialog</name>
    <message>
        <source>Choose a customer</source>
        <translation>选择客户</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Customer number or masked name</source>
        <translation>客户号或脱敏姓名</translation>
    </message>
    <message>
        <source>Part of the customer number or of the masked name, e.g. 0001-0000012 or 张*</source>
        <translation>客户号或脱敏姓名的一部分，例如 0001-0000012 或 张*</translation>
    </message>
    <message>
        <source>Customers of the branch</source>
        <translation>网点客户</translation>
    </message>
    <message>
        <source>C&amp;hoose</source>
        <translation>选择(&amp;H)</translation>
    </message>
    <message numerus="yes">
        <source>%n customers match; the first %1 are shown. Type more to narrow the list.</source>
        <translation>
            <numerusform>有 %n 位客户匹配，仅显示前 %1 位。请输入更多内容以缩小范围。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers match.</source>
        <translation>
            <numerusform>%n 位客户匹配。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::DraftKeeper</name>
    <message>
        <source>The form of this draft cannot be opened here (the customer may no longer be yours). Discard the draft, or ask the branch manager.</source>
        <translation>无法在此打开该草稿所属的表单（该客户可能已不再由您管理）。请丢弃草稿，或询问网点负责人。</translation>
    </message>
    <message>
        <source>The draft was kept by another version of BranchVault and does not fit this form. Fill in the form again and discard the draft.</source>
        <translation>该草稿由其他版本的 BranchVault 保存，与此表单不符。请重新填写表单并丢弃草稿。</translation>
    </message>
</context>
<context>
    <name>bv::ui::DraftOfferBanner</name>
    <message>
        <source>You have an unsaved new customer form from %1.</source>
        <translation>您有一份 %1 未保存的新客户表单。</translation>
    </message>
    <message>
        <source>You have an unsaved change of customer %1 from %2.</source>
        <translation>您有一份 %2 未保存的客户 %1 修改。</translation>
    </message>
    <message>
        <source>You have an unsaved service record for customer %1 from %2.</source>
        <translation>您有一份 %2 未保存的客户 %1 服务记录。</translation>
    </message>
    <message>
        <source>You have an unsaved complaint of customer %1 from %2.</source>
        <translation>您有一份 %2 未保存的客户 %1 投诉。</translation>
    </message>
    <message numerus="yes">
        <source>%n more drafts after this one.</source>
        <translation>
            <numerusform>此后还有 %n 份草稿。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>丢弃草稿</translation>
    </message>
</context>
<context>
    <name>bv::ui::EntryFormPanel</name>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Save new customer</source>
        <translation>保存新客户(&amp;S)</translation>
    </message>
    <message>
        <source>Please note:</source>
        <translation>请注意：</translation>
    </message>
</context>
<context>
    <name>bv::ui::FirstRunChoiceDialog</name>
    <message>
        <source>Set up BranchVault on this workstation</source>
        <translation>在本工作站上设置 BranchVault</translation>
    </message>
    <message>
        <source>Where does this branch keep its customers&apos; records?</source>
        <translation>本网点的客户资料保存在哪里？</translation>
    </message>
    <message>
        <source>On &amp;this computer: an encrypted database for a branch with one workstation</source>
        <translation>保存在本机(&amp;T)：加密数据库，适用于只有一台工作站的网点</translation>
    </message>
    <message>
        <source>On this branch&apos;s &amp;server: several workstations, set up by the branch&apos;s IT person</source>
        <translation>保存在本网点服务器(&amp;S)：多台工作站，由网点 IT 人员设置</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
</context>
<context>
    <name>bv::ui::FirstRunWizard</name>
    <message>
        <source>Set up BranchVault</source>
        <translation>BranchVault 初始设置</translation>
    </message>
    <message>
        <source>A new branch database</source>
        <translation>新建网点数据库</translation>
    </message>
    <message>
        <source>BranchVault keeps the branch&apos;s customer records in one encrypted file on this workstation. Its key is kept in this computer&apos;s keychain.</source>
        <translation>BranchVault 将网点的客户记录保存在本工作站上的一个加密文件中，其密钥保存在本机系统钥匙串中。</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <source>Branch code</source>
        <translation>网点代码</translation>
    </message>
    <message>
        <source>Branch &amp;code:</source>
        <translation>网点代码(&amp;C)：</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>网点名称</translation>
    </message>
    <message>
        <source>The first system administrator</source>
        <translation>首位系统管理员</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>再次输入密码(&amp;A)：</translation>
    </message>
    <message>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <source>Shown only now. With it, the database can be unlocked on a re-imaged workstation or another account. Print it or write it down, seal it, keep it away from this computer.</source>
        <translation>仅此一次显示。凭此口令，可在重装系统的工作站或其他操作系统账户上解锁数据库。请将其打印或抄写下来，密封后与本机分开存放。</translation>
    </message>
    <message>
        <source>&amp;Print the recovery sheet…</source>
        <translation>打印恢复口令单(&amp;P)…</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>两次输入的密码不一致。请输入两次相同的密码。</translation>
    </message>
    <message>
        <source>Print the recovery sheet</source>
        <translation>打印恢复口令单</translation>
    </message>
    <message>
        <source>The sheet is printed as a controlled document (CONTROLLED) with a serial. It is not in the print register; every printed copy is recorded in the audit log.</source>
        <translation>此单按受控文件打印，带序列号。它不登记在打印登记簿中；每打印一份都记入审计日志。</translation>
    </message>
    <message>
        <source>The database is not created yet: finish the previous page first.</source>
        <translation>数据库尚未创建：请先完成上一页。</translation>
    </message>
    <message>
        <source>Printed: serial %1, copies: %2. Every copy is recorded in the audit log; seal them and keep them away from this computer.</source>
        <translation>已打印：序列号 %1，份数：%2。每一份都已记入审计日志；请密封，并存放在本机以外的地方。</translation>
    </message>
    <message>
        <source>Branch na&amp;me:</source>
        <translation>网点名称(&amp;M)：</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery passphrase and &amp;stored it safely</source>
        <translation>我已打印或抄写恢复口令，并已妥善保管(&amp;S)</translation>
    </message>
    <message>
        <source>The administrator manages accounts, settings and backups, and never sees customer data. Password rule: %1</source>
        <translation>系统管理员负责管理用户账户、设置项和备份，从不查看客户数据。密码规则：%1</translation>
    </message>
</context>
<context>
    <name>bv::ui::GuardedTableView</name>
    <message>
        <source>&amp;Copy row</source>
        <translation>复制行(&amp;C)</translation>
    </message>
</context>
<context>
    <name>bv::ui::HomePage</name>
    <message>
        <source>What needs you now</source>
        <translation>待您处理的事项</translation>
    </message>
    <message>
        <source>Click a line (or press Enter on it) to open its list.</source>
        <translation>单击某一行（或选中后按 Enter）即可打开对应的列表。</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Read the counts again (F5)</source>
        <translation>重新读取数量（F5）</translation>
    </message>
    <message numerus="yes">
        <source>%n customer changes to approve</source>
        <translation>
            <numerusform>%n 项客户变更待复核</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tier changes to confirm</source>
        <translation>
            <numerusform>%n 项客户等级变更待确认</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n special requests to decide</source>
        <translation>
            <numerusform>%n 项专项事务申请待审批</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue complaints in the branch</source>
        <translation>
            <numerusform>本网点 %n 件投诉已逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suspicious pairs to review</source>
        <translation>
            <numerusform>%n 组可疑客户对待核查</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lent printouts not returned in time</source>
        <translation>
            <numerusform>%n 份借出的打印件逾期未归还</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n printouts past their period of use, not destroyed</source>
        <translation>
            <numerusform>%n 份打印件已过使用期限且未销毁</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prints not finished</source>
        <translation>
            <numerusform>%n 次打印未完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers to reassign</source>
        <translation>
            <numerusform>%n 位客户待重新分配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n staff accounts to confirm</source>
        <translation>
            <numerusform>%n 个用户账户待确认</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your customer changes waiting for approval</source>
        <translation>
            <numerusform>您提交的 %n 项客户变更待复核</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your special requests waiting for a decision</source>
        <translation>
            <numerusform>您提交的 %n 项专项事务申请待审批</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approved special requests ready to use</source>
        <translation>
            <numerusform>%n 项专项事务申请已批准，可以使用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaints due today</source>
        <translation>
            <numerusform>%n 件投诉今天到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue complaints</source>
        <translation>
            <numerusform>%n 项逾期投诉</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alerts in the last %1 days</source>
        <translation>
            <numerusform>最近 %1 天内有 %n 条告警</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accounts waiting for a branch manager&apos;s confirmation</source>
        <translation>
            <numerusform>%n 个用户账户待网点负责人确认</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accounts locked after failed sign-ins</source>
        <translation>
            <numerusform>%n 个用户账户因登录失败被锁定</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frozen accounts</source>
        <translation>
            <numerusform>%n 个用户账户已冻结</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passwords expired or expiring within %1 days</source>
        <translation>
            <numerusform>%n 个密码已过期或将在 %1 天内过期</numerusform>
        </translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>The audit chain has not been verified yet: verify it.</source>
        <translation>审计链尚未校验过：请进行校验。</translation>
    </message>
    <message>
        <source>Last verification of the audit chain: %1, intact</source>
        <translation>最近一次审计链校验：%1，完整</translation>
    </message>
    <message>
        <source>Last verification of the audit chain: %1, broken — look at the first broken row</source>
        <translation>最近一次审计链校验：%1，已断裂——请查看第一条断裂的记录</translation>
    </message>
    <message>
        <source>Database %1 (%2)</source>
        <translation>数据库 %1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n audit log rows</source>
        <translation>
            <numerusform>审计日志共 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>No backup yet: back up the database.</source>
        <translation>尚无备份：请备份数据库。</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>最近一次备份：%1</translation>
    </message>
    <message>
        <source>Last backup: %1, failed — back up again</source>
        <translation>最近一次备份：%1，失败——请重新备份</translation>
    </message>
    <message>
        <source>The database has not been verified yet: verify it.</source>
        <translation>数据库尚未校验过：请进行校验。</translation>
    </message>
    <message>
        <source>Last verification of the database: %1, no problems</source>
        <translation>最近一次数据库校验：%1，未发现问题</translation>
    </message>
    <message>
        <source>Last verification of the database: %1, problems found — verify again and read them</source>
        <translation>最近一次数据库校验：%1，发现问题——请重新校验并查看问题</translation>
    </message>
</context>
<context>
    <name>bv::ui::IdentityFormPage</name>
    <message>
        <source>YYYY-MM-DD (filled from a mainland ID number)</source>
        <translation>YYYY-MM-DD（根据居民身份证号码自动填写）</translation>
    </message>
    <message>
        <source>(from the ID number)</source>
        <translation>（取自证件号码）</translation>
    </message>
    <message>
        <source>CHN</source>
        <translation>CHN</translation>
    </message>
    <message>
        <source>Visible only to its manager and the branch manager</source>
        <translation>仅其客户经理和网点负责人可见</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>The 15-digit number will be stored in its 18-digit form.</source>
        <translation>15 位号码将以 18 位形式保存。</translation>
    </message>
    <message>
        <source>Write the birth date as YYYY-MM-DD, for example 1985-06-15.</source>
        <translation>请按 YYYY-MM-DD 格式填写出生日期，例如 1985-06-15。</translation>
    </message>
</context>
<context>
    <name>bv::ui::IdleWarningBanner</name>
    <message numerus="yes">
        <source>The session locks in %n s because nobody used it. Press any key or move the mouse to stay signed in; an unsaved form is kept as a draft for you.</source>
        <translation>
            <numerusform>会话因无人操作将在 %n 秒后锁定。按任意键或移动鼠标即可保持登录；未保存的表单会为您保存为草稿。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>保持登录</translation>
    </message>
    <message numerus="yes">
        <source>You will be signed out in %n s because nobody used the window. Press any key or move the mouse to stay signed in; a form not yet saved is lost when the session ends.</source>
        <translation>
            <numerusform>由于无人操作，将在 %n 秒后退出登录。按任意键或移动鼠标即可保持登录；尚未保存的表单将在会话结束时丢失。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You will be signed out in %n s because nobody used the window. Press any key or move the mouse to stay signed in; a new customer being entered is kept as a draft for you, other forms not yet saved are lost.</source>
        <translation>
            <numerusform>由于无人操作，将在 %n 秒后退出登录。按任意键或移动鼠标即可保持登录；正在录入的新客户会为您保存为草稿，其他尚未保存的表单将会丢失。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::ImportPage</name>
    <message>
        <source>Enter many new customers at once: fill in the template in Excel, save it as CSV (UTF-8 or GB18030) and import it. Every row is checked like an entry in the form; good rows become new records waiting for a branch manager&apos;s approval, refused rows are listed below with their line, column and reason. A branch manager&apos;s file needs the column &quot;Customer manager&quot;.</source>
        <translation>一次录入多位新客户：在 Excel 中填写导入模板，另存为 CSV（UTF-8 或 GB18030）后导入。每一行都按表单录入的规则校验；合格的行成为待网点负责人复核的新建记录，被拒绝的行连同行号、列和原因列在下方。网点负责人导入的文件须包含“客户经理”列。</translation>
    </message>
    <message>
        <source>Save the &amp;template…</source>
        <translation>保存导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <source>Refused rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Template saved: %1</source>
        <translation>导入模板已保存：%1</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the import report (Cancel: no report file)</source>
        <translation>保存导入报告（取消：不生成报告文件）</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Nothing was imported from %1.</source>
        <translation>未从 %1 导入任何记录。</translation>
    </message>
    <message>
        <source>The report was saved as %1.</source>
        <translation>报告已保存为 %1。</translation>
    </message>
    <message>
        <source>Import a &amp;CSV file…</source>
        <translation>导入 CSV 文件(&amp;C)…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rows read; %2 accepted and waiting for a branch manager&apos;s approval; %3 refused.</source>
        <translation>
            <numerusform>%1：读取 %n 行；%2 行已接受，待网点负责人复核；%3 行被拒绝。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::LockPage</name>
    <message>
        <source>The session is locked</source>
        <translation>会话已锁定</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>Signed in as %1. Enter your password to continue.</source>
        <translation>已以 %1 身份登录。请输入密码以继续。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>bv::ui::MainWindow</name>
    <message>
        <source>BranchVault</source>
        <translation>BranchVault</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Second &amp;factor…</source>
        <translation>第二验证因素(&amp;F)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About BranchVault</source>
        <translation>关于 BranchVault(&amp;A)</translation>
    </message>
    <message>
        <source>About BranchVault</source>
        <translation>关于 BranchVault</translation>
    </message>
    <message>
        <source>BranchVault %1
Branch customer information protection (网点客户信息保护管理系统).</source>
        <translation>BranchVault %1
网点客户信息保护管理系统。</translation>
    </message>
    <message>
        <source>Signed in: %1 · %2 · branch %3</source>
        <translation>已登录：%1 · %2 · 网点 %3</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Sess&amp;ion</source>
        <translation>会话(&amp;I)</translation>
    </message>
    <message>
        <source>%1 (%2) — branch %3</source>
        <translation>%1（%2）— 网点 %3</translation>
    </message>
</context>
<context>
    <name>bv::ui::ManagerWorkspace</name>
    <message>
        <source>Branch manager&apos;s pages</source>
        <translation>网点负责人页面</translation>
    </message>
    <message>
        <source>Branch customers</source>
        <translation>网点客户</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>客户分配</translation>
    </message>
    <message>
        <source>Suspicious pairs</source>
        <translation>可疑客户对</translation>
    </message>
    <message>
        <source>Reassignment</source>
        <translation>重新分配</translation>
    </message>
    <message>
        <source>Overdue complaints</source>
        <translation>逾期投诉</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Print register</source>
        <translation>打印登记簿</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
<context>
    <name>bv::ui::MyComplaintsPage</name>
    <message>
        <source>Overdue complaints of my customers</source>
        <translation>我的客户的逾期投诉</translation>
    </message>
    <message>
        <source>Overdue complaints</source>
        <translation>逾期投诉</translation>
    </message>
    <message>
        <source>Show the c&amp;ustomer&apos;s complaints</source>
        <translation>显示该客户的投诉(&amp;U)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Complaints of one customer</source>
        <translation>单个客户的投诉</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>&amp;Customer:</source>
        <translation>客户(&amp;C)：</translation>
    </message>
    <message>
        <source>(choose a customer)</source>
        <translation>（请选择客户）</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue complaints</source>
        <translation>
            <numerusform>%n 项逾期投诉</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::MyRequestsPage</name>
    <message>
        <source>My requests</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <source>&amp;Withdraw request</source>
        <translation>撤回申请(&amp;W)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Purpose: %1</source>
        <translation>目的：%1</translation>
    </message>
    <message>
        <source>Decided by %1 on %2%3</source>
        <translation>%1 于 %2 作出决定%3</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>：%1</translation>
    </message>
    <message>
        <source>Revoked by %1 on %2: %3</source>
        <translation>%1 于 %2 撤销：%3</translation>
    </message>
    <message>
        <source>Withdraw request</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <source>Withdraw request %1? A branch manager will no longer be asked to decide it.</source>
        <translation>是否撤回申请 %1？撤回后，将不再请网点负责人对其作出决定。</translation>
    </message>
    <message>
        <source>&amp;Authorise here…</source>
        <translation>现场授权(&amp;A)…</translation>
    </message>
    <message>
        <source>A branch manager approves or rejects the selected request on this screen (on-the-spot authorisation), without you signing out.</source>
        <translation>由网点负责人在本屏幕上批准或驳回所选申请（现场授权），您无需退出登录。</translation>
    </message>
</context>
<context>
    <name>bv::ui::NewAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>新建用户账户</translation>
    </message>
    <message>
        <source>One person has one active account with one role. An administrator and an auditor can never be the same person. The account gets a one-time password that you hand over in private.</source>
        <translation>每人只能有一个在用的用户账户，且只担任一个角色。系统管理员和安全审计员不得由同一人担任。新用户账户将获得一个一次性密码，请私下转交本人。</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>default: the login</source>
        <translation>默认：登录名</translation>
    </message>
    <message>
        <source>Branch code</source>
        <translation>网点代码</translation>
    </message>
    <message>
        <source>default: this branch</source>
        <translation>默认：本网点</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Staff number:</source>
        <translation>工号(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>网点(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>创建用户账户(&amp;C)</translation>
    </message>
</context>
<context>
    <name>bv::ui::OfflineServicePanel</name>
    <message>
        <source>A service given to one of your customers is kept in this workstation&apos;s outbox and recorded on the branch server when you next sign in with the server reachable.</source>
        <translation>为您的客户提供的服务先保存在本工作站的暂存箱中，待下次在可连接网点服务器时登录后登记到服务器。</translation>
    </message>
    <message>
        <source>for example 0101-00000001</source>
        <translation>例如 0101-00000001</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Date of the service</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Service given</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>What was done for the customer. Never write a PIN, CVV or password.</source>
        <translation>为客户办理了什么。切勿填写 PIN、CVV 或密码。</translation>
    </message>
    <message>
        <source>Customer &amp;no.:</source>
        <translation>客户编号(&amp;N)：</translation>
    </message>
    <message>
        <source>Da&amp;te:</source>
        <translation>日期(&amp;T)：</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>Ser&amp;vice given:</source>
        <translation>服务内容(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Save service record</source>
        <translation>保存服务记录(&amp;S)</translation>
    </message>
    <message>
        <source>Service record kept offline</source>
        <translation>服务记录已离线保存</translation>
    </message>
    <message>
        <source>The service record for customer %1 was kept in this workstation&apos;s outbox as entry %2. It is recorded on the branch server when you next sign in with the server reachable.</source>
        <translation>客户 %1 的服务记录已作为条目 %2 保存在本工作站的暂存箱中，将在您下次可连接网点服务器时登录后登记到服务器。</translation>
    </message>
</context>
<context>
    <name>bv::ui::OfflineWorkspace</name>
    <message>
        <source>The new record is kept in this workstation&apos;s outbox until the branch server can be reached. Protected values are sealed with your keys.</source>
        <translation>新记录暂存在本工作站的暂存箱中，直到可以连接网点服务器。受保护的信息用您的密钥封存。</translation>
    </message>
    <message>
        <source>The new customer was kept in this workstation&apos;s outbox as entry %1. It is sent to the branch server when you next sign in with the server reachable, and then waits for a branch manager&apos;s approval.</source>
        <translation>新客户已暂存在本工作站的暂存箱中，条目编号 %1。下次在服务器可连接时登录后将发送到网点服务器，然后等待网点负责人复核。</translation>
    </message>
    <message>
        <source>Customer kept offline</source>
        <translation>客户已离线暂存</translation>
    </message>
    <message>
        <source>Ne&amp;w customer</source>
        <translation>新客户(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Kept offline</source>
        <translation>离线暂存(&amp;K)</translation>
    </message>
    <message>
        <source>&lt;b&gt;The branch server cannot be reached: you are working offline.&lt;/b&gt; New customers and service records are kept on this workstation, encrypted, and sent to the branch server when you next sign in with the server reachable; each new customer then waits for a branch manager&apos;s approval. Approvals, full views, lookups and prints need the server.</source>
        <translation>&lt;b&gt;无法连接网点服务器：您正在离线工作。&lt;/b&gt;新客户和服务记录加密保存在本工作站，待您下次可连接服务器时登录后发送到网点服务器；每位新客户随后等待网点负责人复核。复核、查看完整信息、查询和打印都需要连接服务器。</translation>
    </message>
    <message>
        <source>Servi&amp;ce record</source>
        <translation>服务记录(&amp;C)</translation>
    </message>
    <message>
        <source>The new customers and service records you kept on this workstation while the branch server could not be reached.</source>
        <translation>在无法连接网点服务器期间，您保存在本工作站的新客户和服务记录。</translation>
    </message>
</context>
<context>
    <name>bv::ui::OneTimePasswordDialog</name>
    <message>
        <source>One-time password</source>
        <translation>一次性密码</translation>
    </message>
    <message>
        <source>One-time password for %1:</source>
        <translation>%1 的一次性密码：</translation>
    </message>
    <message>
        <source>Hand it over in private — in person or in a sealed envelope, never by e-mail, chat or phone. It is shown only now and cannot be shown again; the user must choose a new password at the first sign-in. If it is lost, reset the password again.</source>
        <translation>请私下转交——当面交付或装入密封信封，切勿通过电子邮件、聊天工具或电话告知。此密码仅此一次显示，之后无法再次显示；用户首次登录时必须设置新密码。如密码遗失，请再次重置密码。</translation>
    </message>
    <message>
        <source>&amp;Handed over</source>
        <translation>已转交(&amp;H)</translation>
    </message>
    <message>
        <source>Confirmation code</source>
        <translation>确认码</translation>
    </message>
    <message>
        <source>Confirmation code for %1:</source>
        <translation>%1 的确认码：</translation>
    </message>
    <message>
        <source>Hand it over in private, apart from the administrator&apos;s one-time password — in person or in a sealed envelope, never by e-mail, chat or phone. The person types it once, with the first new password; it opens their access to customer information. It is shown only now; if it is lost, the administrator resets the account and a branch manager confirms it again.</source>
        <translation>请与系统管理员的一次性密码分开、私下转交——当面交付或装入密封信封，切勿通过电子邮件、聊天工具或电话告知。本人在首次设置新密码时输入一次，用于开通其对客户信息的访问。此确认码仅此一次显示；如遗失，须由系统管理员重置该用户账户，并由网点负责人再次确认。</translation>
    </message>
</context>
<context>
    <name>bv::ui::OutboxPage</name>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Kept at</source>
        <translation>暂存时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>弃用(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>重新发送(&amp;S)</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>Discard the entry</source>
        <translation>弃用条目</translation>
    </message>
    <message>
        <source>Discard entry %1 (%2, %3)? It was not sent to the branch server; once discarded, the customer must be entered again.</source>
        <translation>弃用条目 %1（%2，%3）？该条目尚未发送到网点服务器；弃用后需重新录入该客户。</translation>
    </message>
    <message>
        <source>Kept on this workstation</source>
        <translation>保存在本工作站</translation>
    </message>
    <message>
        <source>Service record for customer %1</source>
        <translation>客户 %1 的服务记录</translation>
    </message>
    <message>
        <source>Discard entry %1 (a service record for customer %2)? It was not recorded on the branch server; once discarded, it must be recorded again.</source>
        <translation>丢弃条目 %1（客户 %2 的服务记录）吗？它尚未登记到网点服务器；丢弃后须重新登记。</translation>
    </message>
</context>
<context>
    <name>bv::ui::OverdueComplaintsPage</name>
    <message>
        <source>Overdue complaints</source>
        <translation>逾期投诉</translation>
    </message>
    <message>
        <source>No complaint is overdue.</source>
        <translation>没有逾期的投诉。</translation>
    </message>
    <message numerus="yes">
        <source>%n complaints past the investigation or answer date. Open the customer to follow up.</source>
        <translation>
            <numerusform>%n 项投诉已超过调查或答复截止时间。请打开客户进行跟进。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::OverviewPage</name>
    <message>
        <source>The system administrator manages accounts, settings and storage and sees counts only — never customer data.</source>
        <translation>系统管理员负责管理用户账户、设置项和存储，只能看到数量统计——从不查看客户数据。</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <source>Active accounts</source>
        <translation>在用用户账户</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Audit log rows</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Open special requests</source>
        <translation>未结的专项事务申请</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
</context>
<context>
    <name>bv::ui::PendingChangeModel</name>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>经办时间</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
</context>
<context>
    <name>bv::ui::PendingChangesPage</name>
    <message>
        <source>Your new records and edits that wait for a branch manager&apos;s approval.</source>
        <translation>您新建或编辑、正在等待网点负责人批准的记录。</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>待复核变更</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <source>Fields of the selected change</source>
        <translation>所选变更的字段</translation>
    </message>
    <message>
        <source>&amp;Open customer</source>
        <translation>打开客户(&amp;O)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Authorise here…</source>
        <translation>现场授权(&amp;A)…</translation>
    </message>
    <message>
        <source>A branch manager approves or rejects the selected change on this screen (on-the-spot authorisation), without you signing out.</source>
        <translation>由网点负责人在本屏幕上批准或驳回所选变更（现场授权），您无需退出登录。</translation>
    </message>
</context>
<context>
    <name>bv::ui::PortfolioPage</name>
    <message>
        <source>Name contains</source>
        <translation>姓名包含</translation>
    </message>
    <message>
        <source>Part of the name, within your own customers; press Enter</source>
        <translation>姓名的一部分，仅在您自己的客户中查找；按 Enter 键</translation>
    </message>
    <message>
        <source>&amp;Name contains:</source>
        <translation>姓名包含(&amp;N)：</translation>
    </message>
    <message>
        <source>My customers</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Cop&amp;y row</source>
        <translation>复制行(&amp;Y)</translation>
    </message>
    <message>
        <source>Copies the customer number, tier, age band and status — never protected values.</source>
        <translation>复制客户号、客户等级、年龄段和状态——从不复制受保护字段值。</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Fil&amp;ter</source>
        <translation>筛选(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <source>%n customers</source>
        <translation>
            <numerusform>%n 位客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers match</source>
        <translation>
            <numerusform>%n 位客户匹配</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::PrintCopyView</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>相关人员</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应归还时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>History of the copy</source>
        <translation>该份的经过</translation>
    </message>
    <message>
        <source>Choose a copy to see its details and history.</source>
        <translation>请选择一份，查看其详情和经过。</translation>
    </message>
    <message>
        <source>%1 — serial %2, %3</source>
        <translation>%1 — 序列号 %2，%3</translation>
    </message>
    <message>
        <source>Parameters: %1</source>
        <translation>参数：%1</translation>
    </message>
    <message>
        <source>Printed by %1 on %2 (%3, pages: %4).</source>
        <translation>由 %1 于 %2 打印（%3，页数：%4）。</translation>
    </message>
    <message>
        <source>Approved by %1 (special request %2).</source>
        <translation>由 %1 批准（专项事务申请 %2）。</translation>
    </message>
    <message>
        <source>Holds protected customer data.</source>
        <translation>含受保护的客户信息。</translation>
    </message>
    <message>
        <source>Period of use until %1.</source>
        <translation>使用期限至 %1。</translation>
    </message>
    <message>
        <source>State: %1.</source>
        <translation>状态：%1。</translation>
    </message>
    <message>
        <source>Held by: %1.</source>
        <translation>持有人：%1。</translation>
    </message>
</context>
<context>
    <name>bv::ui::PrintRegisterModel</name>
    <message>
        <source>Original</source>
        <translation>正本</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>副本 %1</translation>
    </message>
    <message>
        <source>%1 — overdue</source>
        <translation>%1 — 已逾期</translation>
    </message>
    <message>
        <source>%1 — past its period of use</source>
        <translation>%1 — 已超过使用期限</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸质</translation>
    </message>
    <message>
        <source>%1 (until %2)</source>
        <translation>%1（至 %2）</translation>
    </message>
    <message>
        <source>Approved by %1 (request %2)</source>
        <translation>由 %1 批准（申请 %2）</translation>
    </message>
    <message>
        <source>The lending is past its due time: get the copy back and record its return.</source>
        <translation>借阅已超过应归还时间：请收回该份并登记归还。</translation>
    </message>
    <message>
        <source>The period of use is over: destroy the copy with a witness and record it.</source>
        <translation>使用期限已过：请在监销人在场的情况下销毁该份并登记。</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>份</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>打印人</translation>
    </message>
    <message>
        <source>Printed at</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持有人</translation>
    </message>
</context>
<context>
    <name>bv::ui::PrintRegisterPage</name>
    <message>
        <source>Every printed copy from the moment it is printed until it is destroyed. Record who received each copy, lendings (at most three days) and returns, and destroy copies that are no longer needed with a witness.</source>
        <translation>每一份打印件从打印到销毁的全过程。请登记每份的签收人、借阅（最长三天）和归还，并在监销人在场的情况下销毁不再需要的打印件。</translation>
    </message>
    <message>
        <source>Every printed copy from the moment it is printed until it is destroyed. Trace a printout that was found by its serial or a photo of a page.</source>
        <translation>每一份打印件从打印到销毁的全过程。可按序列号或某一页的照片追溯拾获的打印件。</translation>
    </message>
    <message>
        <source>Print register alerts</source>
        <translation>打印登记簿警示</translation>
    </message>
    <message>
        <source>Op&amp;en copies only (not destroyed)</source>
        <translation>仅显示未销毁的(&amp;E)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Printed copies</source>
        <translation>打印件</translation>
    </message>
    <message>
        <source>Record re&amp;ceipt…</source>
        <translation>登记签收(&amp;C)…</translation>
    </message>
    <message>
        <source>Hand over to cust&amp;omer…</source>
        <translation>交给客户(&amp;O)…</translation>
    </message>
    <message>
        <source>Le&amp;nd…</source>
        <translation>借出(&amp;N)…</translation>
    </message>
    <message>
        <source>Ret&amp;urned…</source>
        <translation>已归还(&amp;U)…</translation>
    </message>
    <message>
        <source>Destro&amp;y…</source>
        <translation>销毁(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Trace…</source>
        <translation>追溯(&amp;T)…</translation>
    </message>
    <message>
        <source>Check a printout that was found: type its serial or open a scan or photo of a page.</source>
        <translation>核查拾获的打印件：输入其序列号，或打开某一页的扫描件或照片。</translation>
    </message>
    <message>
        <source>Record receipt</source>
        <translation>登记签收</translation>
    </message>
    <message>
        <source>&amp;Recipient (login):</source>
        <translation>签收人（登录名）(&amp;R)：</translation>
    </message>
    <message>
        <source>%1, %2: receipt recorded.</source>
        <translation>%1，%2：已登记签收。</translation>
    </message>
    <message>
        <source>Hand over to the customer</source>
        <translation>交给客户</translation>
    </message>
    <message>
        <source>%1 (serial %2, %3) is handed to the customer it is about, who signs the paper form. The copy then leaves the branch&apos;s register of copies in hand.</source>
        <translation>%1（序列号 %2，%3）交给其所涉及的客户，由客户在纸质表格上签字。此后该份不再属于网点持有的打印件。</translation>
    </message>
    <message>
        <source>%1, %2: handed over to the customer.</source>
        <translation>%1，%2：已交给客户。</translation>
    </message>
    <message>
        <source>Lend a copy</source>
        <translation>借出</translation>
    </message>
    <message>
        <source>%1 (serial %2, %3). A copy is lent for at most three days; when it is overdue, it is listed among the alerts until its return is recorded.</source>
        <translation>%1（序列号 %2，%3）。借阅最长三天；逾期后将列入警示，直至登记归还。</translation>
    </message>
    <message>
        <source>&amp;Borrower (login or name):</source>
        <translation>借阅人（登录名或姓名）(&amp;B)：</translation>
    </message>
    <message>
        <source>%1, %2: lending recorded.</source>
        <translation>%1，%2：已登记借出。</translation>
    </message>
    <message>
        <source>Record the return</source>
        <translation>登记归还</translation>
    </message>
    <message>
        <source>%1 (serial %2, %3) lent to %4 is back.</source>
        <translation>借给 %4 的 %1（序列号 %2，%3）已归还。</translation>
    </message>
    <message>
        <source>%1, %2: return recorded.</source>
        <translation>%1，%2：已登记归还。</translation>
    </message>
    <message>
        <source>Destroy a copy</source>
        <translation>销毁</translation>
    </message>
    <message>
        <source>&amp;Witness (login):</source>
        <translation>监销人（登录名）(&amp;W)：</translation>
    </message>
    <message>
        <source>%1, %2: destruction recorded.</source>
        <translation>%1，%2：已登记销毁。</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重印</translation>
    </message>
    <message>
        <source>%1 (serial %2): further copies (副本) are built again with the same parameters and registered under the same serial with their own copy numbers. A report with protected customer data needs a new approval.</source>
        <translation>%1（序列号 %2）：按相同参数重新生成副本，以同一序列号和各自的副本编号登记。含受保护客户信息的报表需要重新审批。</translation>
    </message>
    <message>
        <source>Reprint cancelled; nothing was registered.</source>
        <translation>已取消重印；未登记任何内容。</translation>
    </message>
    <message>
        <source>%1: further copies printed and registered: %2.</source>
        <translation>%1：已打印并登记副本 %2 份。</translation>
    </message>
    <message>
        <source>%1: a further copy was saved as %2.</source>
        <translation>%1：副本已保存为 %2。</translation>
    </message>
    <message>
        <source>Re&amp;print…</source>
        <translation>重印(&amp;P)…</translation>
    </message>
    <message>
        <source>%1 (serial %2, %3). The person who receives the copy signs for it: they type their own login and password here (and the code of their authenticator app when they use one).</source>
        <translation>%1（序列号 %2，%3）。领取人签收：由本人在此输入自己的登录名和密码（已启用身份验证器应用的，同时输入其动态码）。</translation>
    </message>
    <message>
        <source>%1 (serial %2, %3). Destroy the copy in front of a witness — another branch manager or the auditor — who confirms it by typing their own login and password here (and the code of their authenticator app when they use one). The register keeps the record for good.</source>
        <translation>%1（序列号 %2，%3）。请在监销人（另一位网点负责人或安全审计员）在场的情况下销毁，由监销人在此输入本人的登录名和密码确认（已启用身份验证器应用的，同时输入其动态码）。登记簿永久保留该记录。</translation>
    </message>
</context>
<context>
    <name>bv::ui::ProfileFormPage</name>
    <message>
        <source>(not given)</source>
        <translation>（未提供）</translation>
    </message>
    <message>
        <source>whole CNY, for example 250000</source>
        <translation>以元为单位的整数，例如 250000</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>客户概况</translation>
    </message>
    <message>
        <source>This looks like a PIN, CVV or password. BranchVault never stores customers&apos; authentication secrets: remove it.</source>
        <translation>这看起来像是 PIN、CVV 或密码。BranchVault 从不保存客户的身份验证机密信息：请将其删除。</translation>
    </message>
</context>
<context>
    <name>bv::ui::ReassignmentPage</name>
    <message>
        <source>Customers to reassign</source>
        <translation>待重新分配的客户</translation>
    </message>
    <message>
        <source>&amp;Open customer</source>
        <translation>打开客户(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reassign…</source>
        <translation>重新分配(&amp;R)…</translation>
    </message>
    <message>
        <source>Every active customer has an active customer manager.</source>
        <translation>每位状态正常的客户都有在用的客户经理。</translation>
    </message>
    <message numerus="yes">
        <source>%n customers have no active customer manager (no manager, or the manager&apos;s account is frozen). Reassign them.</source>
        <translation>
            <numerusform>%n 位客户没有在用的客户经理（未分配客户经理，或客户经理的用户账户已冻结）。请重新分配。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::RecoverySheetDialog</name>
    <message>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <source>This is the recovery passphrase of the new database. It is shown only now.
With it (and the key envelope beside the database) the database can be unlocked on a re-imaged workstation or another OS account. Print it or write it down, seal it in an envelope, and keep it away from this computer.</source>
        <translation>这是新数据库的恢复口令，仅此一次显示。
凭此口令（以及数据库旁的密钥信封），可在重装系统的工作站或其他操作系统账户上解锁数据库。请将其打印或抄写下来，装入信封密封，并与本机分开存放。</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <source>Print the recovery sheet</source>
        <translation>打印恢复口令单</translation>
    </message>
    <message>
        <source>&lt;h2&gt;BranchVault recovery sheet&lt;/h2&gt;&lt;p&gt;&lt;b&gt;CONTROLLED — keep sealed.&lt;/b&gt; Printed before the database was opened: this sheet has no serial and is not in the print register. Record on the envelope who sealed it and who keeps it.&lt;/p&gt;&lt;p&gt;Database: %1&lt;br&gt;Created: %2&lt;/p&gt;&lt;p style=&quot;font-size:20pt; font-family:monospace&quot;&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;To unlock this database on a new workstation or OS account, run &lt;code&gt;branchvault-cli unlock --db PATH&lt;/code&gt; or start BranchVault and type this passphrase when asked. Letters and digits only; dashes and case do not matter.&lt;/p&gt;&lt;p&gt;Sealed by: ____________________ &amp;nbsp; Witness: ____________________ &amp;nbsp; Date: __________&lt;/p&gt;</source>
        <translation>&lt;h2&gt;BranchVault 恢复口令单&lt;/h2&gt;&lt;p&gt;&lt;b&gt;受控文件 — 请密封保管。&lt;/b&gt;本单在数据库打开之前打印：没有序列号，也未登记在打印登记簿中。请在信封上注明密封人和保管人。&lt;/p&gt;&lt;p&gt;数据库：%1&lt;br&gt;创建时间：%2&lt;/p&gt;&lt;p style=&quot;font-size:20pt; font-family:monospace&quot;&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;要在新的工作站或操作系统账户上解锁此数据库，请运行 &lt;code&gt;branchvault-cli unlock --db PATH&lt;/code&gt;，或启动 BranchVault 并在提示时输入此口令。口令只含字母和数字；短横线和大小写不影响。&lt;/p&gt;&lt;p&gt;密封人：____________________ &amp;nbsp; 见证人：____________________ &amp;nbsp; 日期：__________&lt;/p&gt;</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery passphrase and &amp;stored it safely</source>
        <translation>我已打印或抄写恢复口令，并已妥善保管(&amp;S)</translation>
    </message>
</context>
<context>
    <name>bv::ui::RegisterEventDialog</name>
    <message>
        <source>Method of destruction</source>
        <translation>销毁方式</translation>
    </message>
    <message>
        <source>Shredded</source>
        <translation>碎纸机粉碎</translation>
    </message>
    <message>
        <source>Burned</source>
        <translation>焚烧</translation>
    </message>
    <message>
        <source>Pulped</source>
        <translation>化浆</translation>
    </message>
    <message>
        <source>File deleted and overwritten</source>
        <translation>文件已删除并覆写</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方式(&amp;M)：</translation>
    </message>
    <message>
        <source>Their own password</source>
        <translation>本人密码</translation>
    </message>
    <message>
        <source>Their own &amp;password:</source>
        <translation>本人密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>应归还时间</translation>
    </message>
    <message>
        <source>&amp;Due back (at most 3 days):</source>
        <translation>应归还时间（最长 3 天）(&amp;D)：</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>打印件</translation>
    </message>
    <message>
        <source>&amp;Copies:</source>
        <translation>份数(&amp;C)：</translation>
    </message>
    <message>
        <source>Print to</source>
        <translation>打印到</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>Print &amp;to:</source>
        <translation>打印到(&amp;T)：</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Optional; no customer identifiers</source>
        <translation>选填；请勿填写客户身份信息</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Their authenticator code</source>
        <translation>本人的身份验证器动态码</translation>
    </message>
    <message>
        <source>only when the person uses an authenticator app</source>
        <translation>仅在该人员使用身份验证器应用时填写</translation>
    </message>
    <message>
        <source>Their authenticator c&amp;ode:</source>
        <translation>本人的身份验证器动态码(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>bv::ui::RekeyApprovalDialog</name>
    <message>
        <source>Approve change %1</source>
        <translation>批准变更 %1</translation>
    </message>
    <message>
        <source>Customer %1: compare the change with the customer&apos;s document.</source>
        <translation>客户 %1：请将变更内容与客户证件核对。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Reason for the approval:</source>
        <translation>批准原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
</context>
<context>
    <name>bv::ui::RekeyFieldsWidget</name>
    <message>
        <source>Type these values from the customer&apos;s document. They are compared with the record without showing it:</source>
        <translation>请按客户证件录入以下内容。系统将在不显示记录内容的情况下与记录比对：</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (&amp;%2):</source>
        <translation>%1(&amp;%2)：</translation>
    </message>
    <message>
        <source>does not match the record</source>
        <translation>与记录不符</translation>
    </message>
</context>
<context>
    <name>bv::ui::ReportParameterForm</name>
    <message>
        <source>Customer number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Staff login</source>
        <translation>员工登录名</translation>
    </message>
    <message>
        <source>%1 (required):</source>
        <translation>%1（必填）：</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
</context>
<context>
    <name>bv::ui::ReportsPage</name>
    <message>
        <source>R&amp;eports:</source>
        <translation>报表(&amp;E)：</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Protected customer data</source>
        <translation>受保护的客户信息</translation>
    </message>
    <message>
        <source>File a special request: another branch manager approves one print or one PDF of this report.</source>
        <translation>提交专项事务申请：由另一位网点负责人批准本报表的一次打印或一次 PDF 导出。</translation>
    </message>
    <message>
        <source>Copies to print</source>
        <translation>打印份数</translation>
    </message>
    <message>
        <source>&amp;Copies (paper):</source>
        <translation>份数（纸质）(&amp;C)：</translation>
    </message>
    <message>
        <source>Period of use in days</source>
        <translation>使用期限（天）</translation>
    </message>
    <message>
        <source>branch setting</source>
        <translation>网点设置</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Period of &amp;use:</source>
        <translation>使用期限(&amp;U)：</translation>
    </message>
    <message>
        <source>Previe&amp;w</source>
        <translation>预览(&amp;W)</translation>
    </message>
    <message>
        <source>Shows the report on screen, marked as a preview: no serial, not a controlled copy.</source>
        <translation>在屏幕上显示报表，并标明为预览：无序列号，不是受控文件。</translation>
    </message>
    <message>
        <source>Pri&amp;nt…</source>
        <translation>打印(&amp;N)…</translation>
    </message>
    <message>
        <source>Save as PD&amp;F…</source>
        <translation>另存为 PDF(&amp;F)…</translation>
    </message>
    <message>
        <source>Handed to the custo&amp;mer…</source>
        <translation>已交给客户(&amp;M)…</translation>
    </message>
    <message>
        <source>Records in the print register that the form was given to the customer it is about.</source>
        <translation>在打印登记簿中登记：该表格已交给其所涉及的客户。</translation>
    </message>
    <message>
        <source>Choose a report, fill in its parameters and press Preview to see it here.</source>
        <translation>请选择报表、填写参数，然后按“预览”在此查看。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>No report chosen</source>
        <translation>未选择报表</translation>
    </message>
    <message>
        <source>Print… will use special request %1, approved by %2, valid until %3.</source>
        <translation>“打印…”将使用专项事务申请 %1，由 %2 批准，有效期至 %3。</translation>
    </message>
    <message>
        <source>Save as PDF… will use special request %1, approved by %2, valid until %3.</source>
        <translation>“另存为 PDF…”将使用专项事务申请 %1，由 %2 批准，有效期至 %3。</translation>
    </message>
    <message>
        <source>This report holds protected customer data with these parameters. There is no approved special request for it: printing or saving it will be refused. Request approval, and have another branch manager approve it.</source>
        <translation>按这些参数，本报表含受保护的客户信息。目前没有已批准的专项事务申请：打印或保存将被拒绝。请申请审批，并由另一位网点负责人批准。</translation>
    </message>
    <message>
        <source>Each approval is used up by one print or one PDF.</source>
        <translation>每次批准只能用于一次打印或一次 PDF。</translation>
    </message>
    <message>
        <source>The preview could not be drawn: %1</source>
        <translation>无法显示预览：%1</translation>
    </message>
    <message>
        <source>Preview of %1: not a controlled copy. Print or save it as PDF to get a registered copy.</source>
        <translation>%1 的预览：不是受控文件。请打印或另存为 PDF，以获得已登记的受控文件。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was printed or registered.</source>
        <translation>已取消；未打印也未登记任何内容。</translation>
    </message>
    <message>
        <source>%1 printed with serial %2, copies: %3. Record in the print register who received them.</source>
        <translation>%1 已打印，序列号 %2，份数：%3。请在打印登记簿中登记签收人。</translation>
    </message>
    <message>
        <source>%1 saved as %2 with serial %3. The file is a registered copy: destroy it (and record that) when it is no longer needed.</source>
        <translation>%1 已保存为 %2，序列号 %3。该文件是已登记的受控文件：不再需要时请销毁并登记。</translation>
    </message>
    <message>
        <source>Handed to the customer</source>
        <translation>已交给客户</translation>
    </message>
    <message>
        <source>Serial %1: the customer received the form and signed for it on paper. The register records the hand-over.</source>
        <translation>序列号 %1：客户已收到该表格并在纸面上签收。登记簿将记录此次交付。</translation>
    </message>
    <message>
        <source>%1: the hand-over to the customer is recorded.</source>
        <translation>%1：已登记交给客户。</translation>
    </message>
    <message>
        <source>Special request %1 filed. Another branch manager decides it; then print or save the report.</source>
        <translation>已提交专项事务申请 %1。由另一位网点负责人审批；批准后再打印或保存报表。</translation>
    </message>
    <message>
        <source>Re&amp;quest approval…</source>
        <translation>申请审批(&amp;Q)…</translation>
    </message>
</context>
<context>
    <name>bv::ui::RequestApprovalsPanel</name>
    <message>
        <source>Open special requests</source>
        <translation>未结的专项事务申请</translation>
    </message>
    <message>
        <source>A&amp;pprove…</source>
        <translation>批准(&amp;P)…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>驳回(&amp;J)…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>撤销(&amp;V)…</translation>
    </message>
    <message>
        <source>Approve request %1</source>
        <translation>批准申请 %1</translation>
    </message>
    <message>
        <source>Request %1 approved.</source>
        <translation>申请 %1 已批准。</translation>
    </message>
    <message>
        <source>Reject request %1</source>
        <translation>驳回申请 %1</translation>
    </message>
    <message>
        <source>Reason for the rejection (the requester will see it):</source>
        <translation>驳回理由（申请人可以看到）：</translation>
    </message>
    <message>
        <source>Request %1 rejected.</source>
        <translation>申请 %1 已驳回。</translation>
    </message>
    <message>
        <source>Revoke request %1</source>
        <translation>撤销申请 %1</translation>
    </message>
    <message>
        <source>Reason for revoking the grant (the requester will see it):</source>
        <translation>撤销授权的理由（申请人可以看到）：</translation>
    </message>
    <message>
        <source>Request %1 revoked.</source>
        <translation>申请 %1 已撤销。</translation>
    </message>
    <message>
        <source>Reason for the approval (required; for example what you checked):</source>
        <translation>批准理由（必填；例如核对了什么）：</translation>
    </message>
</context>
<context>
    <name>bv::ui::RequestDialog</name>
    <message>
        <source>Request full view — customer %1</source>
        <translation>申请完整查看——客户 %1</translation>
    </message>
    <message>
        <source>Protected values are shown in full only with a branch manager&apos;s approval. Choose the fields you need, say what for, and for how long. Every use is recorded.</source>
        <translation>受保护字段值须经网点负责人批准才能完整查看。请选择所需字段，并说明用途和所需时长。每次使用都会被记录。</translation>
    </message>
    <message>
        <source>Fields to see in full</source>
        <translation>需完整查看的字段</translation>
    </message>
    <message>
        <source>&amp;Fields:</source>
        <translation>字段(&amp;F)：</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Required: what the full values are needed for (for example: the customer asked to confirm the mobile number on record).</source>
        <translation>必填：需要完整值的用途（例如：客户要求核实登记的手机号码）。</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>目的(&amp;P)：</translation>
    </message>
    <message>
        <source>Validity in hours</source>
        <translation>有效期（小时）</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>有效期(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Submit request</source>
        <translation>提交申请(&amp;S)</translation>
    </message>
    <message>
        <source>Request approval — %1</source>
        <translation>申请审批 — %1</translation>
    </message>
    <message>
        <source>This report holds protected customer data. Printing it, or saving it as PDF, needs a branch manager&apos;s approval, and each approval is used up by one print. Say what the printout is for and for how long the approval should wait to be used.</source>
        <translation>本报表含受保护的客户信息。打印或另存为 PDF 须经网点负责人批准，每次批准只能用于一次打印。请说明打印件的用途，以及批准的有效时长。</translation>
    </message>
    <message>
        <source>%1 — customer %2</source>
        <translation>%1 — 客户 %2</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>报表：</translation>
    </message>
    <message>
        <source>What the approval is for</source>
        <translation>审批用途</translation>
    </message>
    <message>
        <source>Printing on paper</source>
        <translation>纸质打印</translation>
    </message>
    <message>
        <source>Saving as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>用于(&amp;F)：</translation>
    </message>
    <message>
        <source>Required: what the printout is for and who will receive it.</source>
        <translation>必填：打印件的用途以及领取人。</translation>
    </message>
    <message>
        <source>Submit and authorise &amp;here…</source>
        <translation>提交并现场授权(&amp;H)…</translation>
    </message>
</context>
<context>
    <name>bv::ui::RequestListModel</name>
    <message>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>已于 %1 结束</translation>
    </message>
    <message>
        <source>used %1</source>
        <translation>已于 %1 使用</translation>
    </message>
    <message>
        <source>revoked %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>审批意见：%1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message numerus="yes">
        <source>%n hours asked</source>
        <translation>
            <numerusform>申请 %n 小时</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::RevealDialog</name>
    <message>
        <source>Customer %1 in full</source>
        <translation>客户 %1 的完整信息</translation>
    </message>
    <message>
        <source>These values are shown under an approved request and recorded in the audit log. They cannot be copied; do not write them down.</source>
        <translation>这些信息依据已获批准的申请显示，并记入审计日志。不能复制，请勿抄录。</translation>
    </message>
    <message>
        <source>%1 (account %2)</source>
        <translation>%1（账户 %2）</translation>
    </message>
    <message>
        <source>Hidden again in %1.</source>
        <translation>%1后重新隐藏。</translation>
    </message>
</context>
<context>
    <name>bv::ui::RevealRequestDialog</name>
    <message>
        <source>Request full view of customer %1</source>
        <translation>申请查看客户 %1 的完整信息</translation>
    </message>
    <message>
        <source>Fields to see in full</source>
        <translation>需查看完整信息的字段</translation>
    </message>
    <message>
        <source>&amp;Fields:</source>
        <translation>字段(&amp;F)：</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>用途(&amp;P)：</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>有效期(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Submit request</source>
        <translation>提交申请(&amp;S)</translation>
    </message>
    <message>
        <source>Choose at least one field to see in full.</source>
        <translation>请至少选择一个需查看完整信息的字段。</translation>
    </message>
</context>
<context>
    <name>bv::ui::SecondFactorDialog</name>
    <message>
        <source>Second factor</source>
        <translation>第二验证因素</translation>
    </message>
    <message>
        <source>Key for the authenticator app</source>
        <translation>身份验证器应用的密钥</translation>
    </message>
    <message>
        <source>Code from the authenticator app</source>
        <translation>身份验证器应用中的验证码</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>动态验证码(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;onfirm</source>
        <translation>确认(&amp;O)</translation>
    </message>
    <message>
        <source>Your role signs in with a second factor. Scan this QR code with an authenticator app on your phone (any TOTP app works offline), or type the key below into it, then type the 6-digit code it shows.</source>
        <translation>您的角色登录时需要第二验证因素。请用手机上的身份验证器应用（任何 TOTP 应用均可离线使用）扫描此二维码，或将下方的密钥输入该应用，然后输入其显示的 6 位动态验证码。</translation>
    </message>
    <message>
        <source>Scan this QR code with an authenticator app on your phone, or type the key below into it, then type the 6-digit code it shows.</source>
        <translation>请用手机上的身份验证器应用扫描此二维码，或将下方的密钥输入该应用，然后输入其显示的 6 位动态验证码。</translation>
    </message>
    <message>
        <source>QR code for the authenticator app</source>
        <translation>身份验证器应用的二维码</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerAccountsPage</name>
    <message>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation>建立账户(&amp;C)</translation>
    </message>
    <message>
        <source>Confirm an account</source>
        <translation>确认账户</translation>
    </message>
    <message>
        <source>Only the first (or the last) branch manager is confirmed here, with the branch&apos;s recovery passphrase; a branch manager confirms every other account.</source>
        <translation>此处只能用本网点的恢复口令确认第一位（或最后一位）网点负责人；其他账户均由网点负责人确认。</translation>
    </message>
    <message>
        <source>A new or reset account of someone who sees customers waits for your confirmation. The confirmation code you get is given to the person in private, apart from the one-time password.</source>
        <translation>可查看客户的人员的新建或重置账户需要您确认。您得到的确认码须与一次性密码分开、私下交给本人。</translation>
    </message>
    <message>
        <source>L&amp;ogin to confirm:</source>
        <translation>待确认的登录名(&amp;O)：</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>确认(&amp;F)</translation>
    </message>
    <message>
        <source>Account %1 was created. It waits for a branch manager&apos;s confirmation before its first sign-in.</source>
        <translation>账户 %1 已建立，首次登录前须经网点负责人确认。</translation>
    </message>
    <message>
        <source>Account %1 was created.</source>
        <translation>账户 %1 已建立。</translation>
    </message>
    <message>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <source>The branch&apos;s recovery passphrase, from the sealed recovery sheet:</source>
        <translation>本网点的恢复口令（见密封的恢复单）：</translation>
    </message>
    <message>
        <source>The change to %1 is confirmed.</source>
        <translation>对 %1 的变更已确认。</translation>
    </message>
    <message>
        <source>Staff &amp;no.:</source>
        <translation>员工号(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerAssignDialog</name>
    <message>
        <source>Change the customer manager</source>
        <translation>更换客户经理</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Customer &amp;number:</source>
        <translation>客户号(&amp;N)：</translation>
    </message>
    <message>
        <source>Kind of change</source>
        <translation>调整方式</translation>
    </message>
    <message>
        <source>Give a customer without an active manager to the manager.</source>
        <translation>将没有在用客户经理的客户分配给该客户经理。</translation>
    </message>
    <message>
        <source>Move the customer to the manager permanently.</source>
        <translation>将客户永久移交给该客户经理。</translation>
    </message>
    <message>
        <source>Let the manager serve the customer until the chosen day; the customer then returns by itself.</source>
        <translation>由该客户经理托管客户至所选日期；到期后客户自动交还原客户经理。</translation>
    </message>
    <message>
        <source>Return the customer to the own manager before the custody&apos;s end.</source>
        <translation>在托管到期前将客户交还其原客户经理。</translation>
    </message>
    <message>
        <source>Take the customer from whoever holds it now and give it to the manager.</source>
        <translation>将客户从当前负责人处收回，交给该客户经理。</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>调整方式(&amp;K)：</translation>
    </message>
    <message>
        <source>Customer manager&apos;s login</source>
        <translation>客户经理登录名</translation>
    </message>
    <message>
        <source>An active customer manager account of this branch.</source>
        <translation>本网点在用的客户经理账户。</translation>
    </message>
    <message>
        <source>Customer &amp;manager:</source>
        <translation>客户经理(&amp;M)：</translation>
    </message>
    <message>
        <source>Last day of the custody</source>
        <translation>托管最后一天</translation>
    </message>
    <message numerus="yes">
        <source>The custody lasts through the end of this day (branch time), at most %n days.</source>
        <translation>
            <numerusform>托管持续到这一天结束（网点时间），最长 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>Custody &amp;until (last day):</source>
        <translation>托管截止（最后一天）(&amp;U)：</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>For example: staff change, leave, customer&apos;s wish</source>
        <translation>例如：人员变动、休假、客户意愿</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>持有人</translation>
    </message>
    <message>
        <source>Customers needing a customer manager</source>
        <translation>需要重新分配客户经理的客户</translation>
    </message>
    <message>
        <source>Show the reassignment &amp;list</source>
        <translation>显示待重新分配清单(&amp;L)</translation>
    </message>
    <message>
        <source>The customers of frozen customer managers and those without one. The server records the read.</source>
        <translation>已冻结客户经理名下的客户及没有客户经理的客户。服务器会记录此次查看。</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>执行(&amp;A)</translation>
    </message>
    <message>
        <source>The list of customer managers could not be read (%1). Type the login.</source>
        <translation>无法读取客户经理列表（%1）。请直接输入登录名。</translation>
    </message>
    <message>
        <source>Customer %1 is assigned to %2.</source>
        <translation>客户 %1 已分配给 %2。</translation>
    </message>
    <message>
        <source>Customer %1 was transferred to %2.</source>
        <translation>客户 %1 已移交给 %2。</translation>
    </message>
    <message>
        <source>Customer %1 is in the custody of %2 until the end of %3 (branch time); then it returns to its customer manager by itself.</source>
        <translation>客户 %1 由 %2 托管至 %3 结束（网点时间）；到期后将自动归还原客户经理。</translation>
    </message>
    <message>
        <source>The custody of customer %1 ended; the customer is back with its customer manager.</source>
        <translation>客户 %1 的托管已结束；该客户已归还原客户经理。</translation>
    </message>
    <message>
        <source>Customer %1 was reclaimed for %2.</source>
        <translation>客户 %1 已收回并交给 %2。</translation>
    </message>
    <message>
        <source>no customer manager</source>
        <translation>无客户经理</translation>
    </message>
    <message>
        <source>%1 (frozen)</source>
        <translation>%1（已冻结）</translation>
    </message>
    <message>
        <source>No customer needs a new customer manager.</source>
        <translation>没有需要重新分配客户经理的客户。</translation>
    </message>
    <message numerus="yes">
        <source>%n customers need a new customer manager. Choose one to fill in its number.</source>
        <translation>
            <numerusform>%n 位客户需要重新分配客户经理。选择其中一位即可填入其客户号。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerAuditPage</name>
    <message>
        <source>&amp;Save a checkpoint…</source>
        <translation>保存检查点(&amp;S)…</translation>
    </message>
    <message>
        <source>Save a checkpoint of the branch&apos;s audit log</source>
        <translation>保存本网点审计日志的检查点</translation>
    </message>
    <message>
        <source>Audit checkpoints (*.txt *.checkpoint);;All files (*)</source>
        <translation>审计检查点 (*.txt *.checkpoint);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checkpoint saved to %1: row %2 of the branch&apos;s audit log. Keep it apart from the server, and verify against it next time.</source>
        <translation>检查点已保存到 %1：本网点审计日志第 %2 行。请与服务器分开保管，下次验证时据此比对。</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerCareDialog</name>
    <message>
        <source>Service, complaints and consent — customer %1</source>
        <translation>服务、投诉和同意情况 — 客户 %1</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意情况</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerChangesPage</name>
    <message>
        <source>New records and edits wait here for a branch manager who is not their maker. Check them against the customer&apos;s documents, then approve or reject them with a reason.</source>
        <translation>新建记录和修改在此等待非经办人的网点负责人复核。请对照客户证件核对，然后说明理由予以批准或驳回。</translation>
    </message>
    <message>
        <source>Your new records and edits wait here until a branch manager decides them.</source>
        <translation>您的新建记录和修改在此等待网点负责人复核。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Changes waiting for a decision</source>
        <translation>待复核的变更</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <source>The change&apos;s fields</source>
        <translation>变更的字段</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>驳回(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <source>Approve change %1</source>
        <translation>批准变更 %1</translation>
    </message>
    <message>
        <source>Reject change %1</source>
        <translation>驳回变更 %1</translation>
    </message>
    <message>
        <source>Why it can be approved (for example: checked against the ID card at the counter):</source>
        <translation>批准理由（例如：已在柜台核对身份证）：</translation>
    </message>
    <message>
        <source>Why it is rejected (the maker reads this):</source>
        <translation>驳回理由（经办人可见）：</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Change %1 was approved.</source>
        <translation>变更 %1 已批准。</translation>
    </message>
    <message>
        <source>Change %1 was rejected.</source>
        <translation>变更 %1 已驳回。</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerConnectDialog</name>
    <message>
        <source>Connect to the branch server</source>
        <translation>连接网点服务器</translation>
    </message>
    <message>
        <source>The branch&apos;s IT person gives you the server&apos;s address, the branch CA&apos;s certificate, this workstation&apos;s certificate and key, and the key&apos;s passphrase. The passphrase is kept in this computer account&apos;s keychain; staff passwords are typed at each sign-in and never kept.</source>
        <translation>网点 IT 人员会提供服务器地址、网点 CA 证书、本工作站的证书和私钥以及私钥口令。口令保存在本机账户的钥匙串中；员工密码在每次登录时输入，从不保存。</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>证书 (*.crt *.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Branch &amp;CA certificate:</source>
        <translation>网点 CA 证书(&amp;C)：</translation>
    </message>
    <message>
        <source>This workstation&apos;s ce&amp;rtificate:</source>
        <translation>本工作站证书(&amp;R)：</translation>
    </message>
    <message>
        <source>This workstation&apos;s &amp;key:</source>
        <translation>本工作站私钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Keys (*.key *.pem);;All files (*)</source>
        <translation>私钥 (*.key *.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Passphrase of the workstation&apos;s key</source>
        <translation>工作站私钥的口令</translation>
    </message>
    <message>
        <source>Key &amp;passphrase:</source>
        <translation>私钥口令(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>连接(&amp;O)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>The branch CA&apos;s certificate</source>
        <translation>网点 CA 证书</translation>
    </message>
    <message>
        <source>This workstation&apos;s certificate</source>
        <translation>本工作站证书</translation>
    </message>
    <message>
        <source>This workstation&apos;s key</source>
        <translation>本工作站私钥</translation>
    </message>
    <message>
        <source>%1 is missing: choose the file the branch&apos;s IT person gave you.</source>
        <translation>缺少%1：请选择网点 IT 人员提供的文件。</translation>
    </message>
    <message>
        <source>The key&apos;s passphrase is missing: type the passphrase that came with the key.</source>
        <translation>缺少私钥口令：请输入随私钥提供的口令。</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerController</name>
    <message>
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message numerus="yes">
        <source>You were signed out after %n minutes without input. Sign in again to go on.</source>
        <translation>
            <numerusform>您已 %n 分钟无操作，已自动退出登录。请重新登录后继续。</numerusform>
        </translation>
    </message>
    <message>
        <source>branch server %1</source>
        <translation>网点服务器 %1</translation>
    </message>
    <message>
        <source>BranchVault — %1 (%2) — branch %3</source>
        <translation>BranchVault — %1（%2）— 网点 %3</translation>
    </message>
    <message>
        <source>Signed in to the branch server %1 (%2) as %3</source>
        <translation>已以 %3 登录网点服务器 %1（%2）</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <source>BranchVault — %1 (%2) — branch %3 — offline</source>
        <translation>BranchVault — %1（%2）— 网点 %3 — 离线</translation>
    </message>
    <message numerus="yes">
        <source>%n new customers kept offline at this workstation went to the branch server: %1. Each waits for a branch manager&apos;s approval.</source>
        <translation>
            <numerusform>本工作站离线暂存的 %n 名新客户已发送到网点服务器：%1。每条记录等待网点负责人复核。</numerusform>
        </translation>
    </message>
    <message>
        <source>Entry %1 (%2): %3</source>
        <translation>条目 %1（%2）：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n entries were refused and stay under &quot;Kept offline&quot; until you discard them:</source>
        <translation>
            <numerusform>%n 个条目被拒绝，保留在“离线暂存”中，直到您弃用：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending stopped: %1 %n entries still wait and are sent at your next sign-in.</source>
        <translation>
            <numerusform>发送已中止：%1 仍有 %n 个条目等待发送，将在您下次登录时发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept offline</source>
        <translation>离线暂存</translation>
    </message>
    <message>
        <source>Offline entry not available</source>
        <translation>无法离线录入</translation>
    </message>
    <message>
        <source>If the branch server cannot be reached later, this workstation cannot offer offline entry: %1</source>
        <translation>如果以后无法连接网点服务器，本工作站将不能提供离线录入：%1</translation>
    </message>
    <message>
        <source>New customers you kept on this workstation while the branch server could not be reached, and that were not sent. A refused entry stays here, with the reason, until you discard it.</source>
        <translation>网点服务器不可达期间您在本工作站暂存、尚未发送的新客户。被拒绝的条目连同原因保留在这里，直到您弃用它。</translation>
    </message>
    <message>
        <source>Offline: the branch server cannot be reached. New customers and service records are kept on this workstation.</source>
        <translation>离线：无法连接网点服务器。新客户和服务记录保存在本工作站。</translation>
    </message>
    <message numerus="yes">
        <source>%n service records kept offline at this workstation are recorded on the branch server, for customers %1.</source>
        <translation>
            <numerusform>本工作站离线保存的 %n 条服务记录已登记到网点服务器，涉及客户 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>a service record for customer %1</source>
        <translation>客户 %1 的服务记录</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language is saved. It applies from the next sign-in; the work open now stays as it is.</source>
        <translation>语言已保存，将自下次登录起生效；当前打开的工作保持不变。</translation>
    </message>
    <message>
        <source>The form of this draft cannot be opened in this workspace. Discard the draft, or fill in the form at a workstation of the branch server.</source>
        <translation>此草稿所属的表单无法在本工作区打开。请丢弃该草稿，或在连接网点服务器的工作站上填写该表单。</translation>
    </message>
    <message>
        <source>The draft was kept by another version of BranchVault and does not fit this form. Fill in the form again and discard the draft.</source>
        <translation>该草稿由其他版本的 BranchVault 保存，与此表单不符。请重新填写表单并丢弃草稿。</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerCustomersPage</name>
    <message>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <source>Open a customer from the list to see the masked card.</source>
        <translation>从列表中打开客户以查看脱敏卡片。</translation>
    </message>
    <message>
        <source>Request &amp;full view…</source>
        <translation>申请查看完整信息(&amp;F)…</translation>
    </message>
    <message>
        <source>Customer %1 — %2</source>
        <translation>客户 %1 — %2</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>账户 %1</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>年龄段</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待复核</translation>
    </message>
    <message>
        <source>change %1 waits for a branch manager</source>
        <translation>变更 %1 等待网点负责人复核</translation>
    </message>
    <message>
        <source>Request filed</source>
        <translation>申请已提交</translation>
    </message>
    <message>
        <source>Request %1 was filed. A branch manager decides it; once it is approved, show the values from the Requests page.</source>
        <translation>申请 %1 已提交，由网点负责人审批；获批后请在“申请”页查看完整信息。</translation>
    </message>
    <message>
        <source>&amp;Assign…</source>
        <translation>分配客户经理(&amp;A)…</translation>
    </message>
    <message>
        <source>Customer manager changed</source>
        <translation>客户经理已调整</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit saved</source>
        <translation>修改已保存</translation>
    </message>
    <message>
        <source>The edit of customer %1 was sent to the branch server. Change %2 waits for a branch manager&apos;s approval.</source>
        <translation>客户 %1 的修改已提交到网点服务器。变更 %2 等待网点负责人复核。</translation>
    </message>
    <message>
        <source>&amp;Service and complaints…</source>
        <translation>服务与投诉(&amp;S)…</translation>
    </message>
    <message>
        <source>Histor&amp;y…</source>
        <translation>历史记录(&amp;Y)…</translation>
    </message>
    <message>
        <source>History of customer %1</source>
        <translation>客户 %1 的历史记录</translation>
    </message>
    <message>
        <source>Customer %1 has no approved change yet.</source>
        <translation>客户 %1 尚无已批准的变更。</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerEditDialog</name>
    <message>
        <source>Edit customer %1</source>
        <translation>修改客户 %1</translation>
    </message>
    <message>
        <source>Type only what changes: an empty protected field keeps its stored value, shown masked. To change the ID type, the birth date or the sex, type the ID number again from the document. The edit waits for a branch manager&apos;s approval.</source>
        <translation>只填写需要修改的内容：受保护字段留空即保留原值（以脱敏形式显示）。修改证件类型、出生日期或性别时，请按证件重新输入证件号码。修改须经网点负责人复核。</translation>
    </message>
    <message>
        <source>&amp;Save edit</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerEntryPage</name>
    <message>
        <source>The new record waits for a branch manager&apos;s approval before it is active. Protected values are sealed on this workstation before they are sent to the branch server.</source>
        <translation>新记录须经网点负责人批准后才生效。受保护的信息在发送到网点服务器之前先在本工作站加密。</translation>
    </message>
    <message>
        <source>Customer %1 was saved on the branch server. The new record is pending approval by a branch manager.</source>
        <translation>客户 %1 已保存到网点服务器，新记录等待网点负责人批准。</translation>
    </message>
    <message>
        <source>Customer saved</source>
        <translation>客户已保存</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerLookupPage</name>
    <message>
        <source>Type the full name and the full ID number exactly as on the customer&apos;s document, and why you look the customer up. The lookup is recorded.</source>
        <translation>请按客户证件准确输入完整姓名和完整证件号码，并说明查询用途。查询会被记录。</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>完整姓名</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>完整姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>用途(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>查询(&amp;L)</translation>
    </message>
    <message>
        <source>No match: no active customer of this branch has this name and ID number.</source>
        <translation>无匹配：本网点没有此姓名和证件号码的有效客户。</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>I&amp;D number:</source>
        <translation>证件号码(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerOverduePage</name>
    <message>
        <source>Overdue complaints</source>
        <translation>逾期投诉</translation>
    </message>
    <message>
        <source>Show the customer&apos;s complai&amp;nts…</source>
        <translation>查看该客户的投诉(&amp;N)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>No complaint of the branch is overdue.</source>
        <translation>本网点没有逾期投诉。</translation>
    </message>
    <message>
        <source>No complaint of your customers is overdue.</source>
        <translation>您的客户没有逾期投诉。</translation>
    </message>
    <message numerus="yes">
        <source>%n complaints past the investigation or answer date. Open the customer to follow up.</source>
        <translation>
            <numerusform>%n 项投诉已超过调查或答复截止时间。请打开客户进行跟进。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerRequestsPage</name>
    <message>
        <source>Only &amp;open requests (waiting, or approved and still valid)</source>
        <translation>只看未结申请(&amp;O)（待审批，或已批准且仍有效）</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户号</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Show full values</source>
        <translation>查看完整信息(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>驳回(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <source>Approve request %1</source>
        <translation>批准申请 %1</translation>
    </message>
    <message>
        <source>Reject request %1</source>
        <translation>驳回申请 %1</translation>
    </message>
    <message>
        <source>Why it can be approved (for example: the customer is at the counter):</source>
        <translation>批准理由（例如：客户本人在柜台）：</translation>
    </message>
    <message>
        <source>Why it is rejected (the requester reads this):</source>
        <translation>驳回理由（申请人可见）：</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Request %1 was approved.</source>
        <translation>申请 %1 已批准。</translation>
    </message>
    <message>
        <source>Request %1 was rejected.</source>
        <translation>申请 %1 已驳回。</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerSuspiciousPage</name>
    <message>
        <source>Two customers holding the same mobile or account number are listed here when the second record is approved. Open both cards from the customer list, and clear a pair that is in order with the reason (for example: husband and wife share the phone).</source>
        <translation>两位客户使用同一手机号码或账号时，在后一条记录复核通过后列于此处。请从客户列表中分别打开两位客户的卡片核实；确无问题的，填写原因后排除（例如：夫妻共用同一电话）。</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>客户对</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer A</source>
        <translation>客户 A</translation>
    </message>
    <message>
        <source>Customer B</source>
        <translation>客户 B</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Shared value</source>
        <translation>共用的号码</translation>
    </message>
    <message>
        <source>Suspicious pairs</source>
        <translation>可疑客户对</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Clear suspicious pair %1</source>
        <translation>排除可疑客户对 %1</translation>
    </message>
    <message>
        <source>Why the pair is in order (for example: husband and wife share the phone):</source>
        <translation>该客户对并无问题的原因（例如：夫妻共用同一电话）：</translation>
    </message>
    <message>
        <source>Pair cleared</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Suspicious pair %1 was cleared.</source>
        <translation>可疑客户对 %1 已排除。</translation>
    </message>
    <message>
        <source>C&amp;lear pair…</source>
        <translation>排除(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerTiersPage</name>
    <message>
        <source>A customer&apos;s tier follows the assets under management and the branch&apos;s thresholds. When an approved edit changes the assets, the new tier waits here for a branch manager: confirm it, or keep the current tier with the reason.</source>
        <translation>客户等级取决于客户的管理资产和本网点设定的门槛。经复核的修改改变了资产时，新的客户等级在此等待网点负责人：确认，或填写理由后保留当前客户等级。</translation>
    </message>
    <message>
        <source>Current tier</source>
        <translation>当前客户等级</translation>
    </message>
    <message>
        <source>New tier</source>
        <translation>新客户等级</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>计算时间</translation>
    </message>
    <message>
        <source>Tier changes waiting for confirmation</source>
        <translation>待确认的客户等级调整</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep current tier…</source>
        <translation>保留当前客户等级(&amp;K)…</translation>
    </message>
    <message>
        <source>Con&amp;firm tier…</source>
        <translation>确认客户等级(&amp;F)…</translation>
    </message>
    <message>
        <source>Confirm tier</source>
        <translation>确认客户等级</translation>
    </message>
    <message>
        <source>Change the tier of customer %1 from %2 to %3?</source>
        <translation>是否将客户 %1 的客户等级由 %2 调整为 %3？</translation>
    </message>
    <message>
        <source>Tier changed</source>
        <translation>客户等级已变更</translation>
    </message>
    <message>
        <source>The tier of customer %1 was changed.</source>
        <translation>客户 %1 的客户等级已变更。</translation>
    </message>
    <message>
        <source>Keep the current tier</source>
        <translation>保留当前客户等级</translation>
    </message>
    <message>
        <source>Reason why customer %1 keeps the current tier:</source>
        <translation>客户 %1 保留当前客户等级的理由：</translation>
    </message>
    <message>
        <source>Tier kept</source>
        <translation>已保留客户等级</translation>
    </message>
    <message>
        <source>Customer %1 keeps the current tier.</source>
        <translation>客户 %1 保留当前客户等级。</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerWindow</name>
    <message>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <source>Sess&amp;ion</source>
        <translation>会话(&amp;I)</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerWorkspace</name>
    <message>
        <source>&amp;Audit log</source>
        <translation>审计日志(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>Appro&amp;vals</source>
        <translation>复核(&amp;V)</translation>
    </message>
    <message>
        <source>Re&amp;quests</source>
        <translation>申请(&amp;Q)</translation>
    </message>
    <message>
        <source>Branch c&amp;ustomers</source>
        <translation>本网点客户(&amp;U)</translation>
    </message>
    <message>
        <source>Ne&amp;w customer</source>
        <translation>新客户(&amp;W)</translation>
    </message>
    <message>
        <source>My c&amp;ustomers</source>
        <translation>我的客户(&amp;U)</translation>
    </message>
    <message>
        <source>Waitin&amp;g for approval</source>
        <translation>待复核(&amp;G)</translation>
    </message>
    <message>
        <source>My re&amp;quests</source>
        <translation>我的申请(&amp;Q)</translation>
    </message>
    <message>
        <source>Customer loo&amp;kup</source>
        <translation>客户查询(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Kept offline</source>
        <translation>离线暂存(&amp;K)</translation>
    </message>
    <message>
        <source>Suspicious &amp;pairs</source>
        <translation>可疑客户对(&amp;P)</translation>
    </message>
    <message>
        <source>A&amp;ccount confirmations</source>
        <translation>账户确认(&amp;C)</translation>
    </message>
    <message>
        <source>Complaints to c&amp;hase</source>
        <translation>待督办投诉(&amp;H)</translation>
    </message>
    <message>
        <source>Tier chan&amp;ges</source>
        <translation>客户等级调整(&amp;G)</translation>
    </message>
    <message>
        <source>Policy settings of this branch, kept on the branch server for every workstation. Edit a value and save: values below the floors the regulations set are refused. Every change, and every refused value, is recorded in the branch&apos;s audit log. A narrower mask width narrows the masked values already stored at once; a wider one shows more only of values entered from then on.</source>
        <translation>本网点的策略设置，保存在网点服务器上，对所有工作站生效。修改数值后保存：低于法规下限的数值会被拒绝。每次更改及每个被拒绝的数值都记入本网点审计日志。收窄遮盖宽度会立即收窄已保存的遮盖值；放宽则只对此后录入的值显示更多。</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>设置(&amp;T)</translation>
    </message>
</context>
<context>
    <name>bv::ui::ServiceRecordsPage</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Service given</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>New service record</source>
        <translation>新建服务记录</translation>
    </message>
    <message>
        <source>Date of the service</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>What was done for the customer. Never write a PIN, CVV or password.</source>
        <translation>为客户办理的事项。切勿填写 PIN、CVV 或密码。</translation>
    </message>
    <message>
        <source>Ser&amp;vice given:</source>
        <translation>服务内容(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Add service record</source>
        <translation>添加服务记录(&amp;A)</translation>
    </message>
    <message>
        <source>Da&amp;te:</source>
        <translation>日期(&amp;T)：</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>渠道(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>bv::ui::SettingsModel</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Allowed: %1</source>
        <translation>允许范围：%1</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <source>Saved value: %1 (not saved yet: %2)</source>
        <translation>已保存的值：%1（尚未保存：%2）</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>允许范围</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键名</translation>
    </message>
    <message>
        <source>Yes or no (tick the box)</source>
        <translation>是或否（勾选此框）</translation>
    </message>
    <message>
        <source>Dates as YYYY-MM-DD, one per line or separated by commas</source>
        <translation>日期格式为 YYYY-MM-DD，每行一个或以逗号分隔</translation>
    </message>
    <message>
        <source>• %1 (unsaved)</source>
        <translation>• %1（未保存）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
</context>
<context>
    <name>bv::ui::SettingsPage</name>
    <message>
        <source>Policy settings of this branch, kept in the encrypted database. Edit a value and save: values below the floors the regulations set are refused. Every change is recorded in the audit log with the old and the new value.</source>
        <translation>本网点的策略设置项，保存在加密数据库中。编辑值后保存：低于监管下限的值将被拒绝。每次更改都会连同原值和新值记录到审计日志中。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>放弃更改(&amp;D)</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>保存(&amp;V)</translation>
    </message>
    <message numerus="yes">
        <source>• %n unsaved changes: save or discard them.</source>
        <translation>
            <numerusform>• 有 %n 项更改未保存：请保存或放弃。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a setting to read what it does.</source>
        <translation>选择一项设置即可查看其作用。</translation>
    </message>
    <message>
        <source>Unsaved settings</source>
        <translation>未保存的设置</translation>
    </message>
    <message numerus="yes">
        <source>%n settings are changed but not saved. Leave the page and discard the changes?</source>
        <translation>
            <numerusform>有 %n 项设置已更改但尚未保存。离开此页并放弃这些更改吗？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n settings saved.</source>
        <translation>
            <numerusform>已保存 %n 项设置。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::SignInDialog</name>
    <message>
        <source>Sign in to BranchVault</source>
        <translation>登录 BranchVault</translation>
    </message>
    <message>
        <source>BranchVault</source>
        <translation>BranchVault</translation>
    </message>
    <message>
        <source>BranchVault — %1</source>
        <translation>BranchVault — %1</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Code from the authenticator app</source>
        <translation>身份验证器应用中的验证码</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>动态验证码(&amp;C)：</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>登录提示信息</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>bv::ui::StoragePage</name>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Back up writes an encrypted, integrity-checked copy that opens only with the recovery passphrase or this branch&apos;s keys; it never overwrites a file. Rotate keys replaces every key and re-encrypts the protected values. Verify checks the database, its keys and the audit chain.</source>
        <translation>“备份”会生成一份经过完整性校验的加密副本，只能用恢复口令或本网点的密钥打开；备份从不覆盖已有文件。“轮换密钥”会替换所有密钥，并重新加密受保护字段值。“校验”会检查数据库、数据库密钥和审计链。</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Rotate keys…</source>
        <translation>轮换密钥(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>校验(&amp;V)</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Verification results</source>
        <translation>校验结果</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>A restore replaces this database with a backup. BranchVault first signs you out and closes the database, checks the whole backup, and asks an administrator of the backup to sign in (and for its recovery passphrase if this computer does not hold its key). Only then is the backup put in place; the current database is kept beside it. Afterwards everyone signs in to the restored database.</source>
        <translation>还原会用备份替换此数据库。BranchVault 会先让您退出登录并关闭数据库，校验整个备份，并要求该备份中的一位系统管理员登录（如本机没有该备份的密钥，还需输入其恢复口令）。之后才会将备份放置到位；当前数据库会保留在其旁边。此后，所有人都需登录还原后的数据库。</translation>
    </message>
    <message>
        <source>R&amp;estore from a backup…</source>
        <translation>从备份还原(&amp;E)…</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>BranchVault backups (*.bvbackup)</source>
        <translation>BranchVault 备份 (*.bvbackup)</translation>
    </message>
    <message>
        <source>Writing the backup to %1…</source>
        <translation>正在将备份写入 %1…</translation>
    </message>
    <message>
        <source>The backup was not written.</source>
        <translation>未写入备份。</translation>
    </message>
    <message>
        <source>Backup written: %1 (%2). Keep it with the sealed recovery passphrase, apart from this computer.</source>
        <translation>备份已写入：%1（%2）。请将其与密封的恢复口令一起保管，并与本机分开存放。</translation>
    </message>
    <message>
        <source>Rotate keys</source>
        <translation>轮换密钥</translation>
    </message>
    <message>
        <source>Rotate every key of the database now? Every protected value is re-encrypted; this can take a while and nobody else should be working meanwhile. Make a new backup afterwards.</source>
        <translation>是否立即轮换数据库的所有密钥？所有受保护字段值都将重新加密；此过程可能需要一段时间，期间其他人不应使用系统。完成后请重新备份。</translation>
    </message>
    <message>
        <source>Rotating the keys…</source>
        <translation>正在轮换密钥…</translation>
    </message>
    <message>
        <source>The keys were not rotated.</source>
        <translation>未轮换密钥。</translation>
    </message>
    <message>
        <source>Every key was rotated. Make a new backup now.</source>
        <translation>所有密钥均已轮换。请立即重新备份。</translation>
    </message>
    <message>
        <source>Verifying the database…</source>
        <translation>正在校验数据库…</translation>
    </message>
    <message>
        <source>The verification did not run.</source>
        <translation>校验未运行。</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>所有检查均已通过。</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份还原</translation>
    </message>
    <message>
        <source>Replace this database with the backup %1? You will be signed out now; the current database is kept beside the restored one.</source>
        <translation>是否用备份 %1 替换此数据库？您将立即退出登录；当前数据库会保留在还原后的数据库旁边。</translation>
    </message>
    <message numerus="yes">
        <source>All checks passed: database integrity, page authentication, keys, and the audit chain (%n rows).</source>
        <translation>
            <numerusform>所有检查均已通过：数据库完整性、页面认证、密钥和审计链（%n 行）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verification found %n problems. Restore the latest good backup if the database is damaged, and tell the security auditor.</source>
        <translation>
            <numerusform>校验发现 %n 个问题。如数据库已损坏，请还原最近一次完好的备份，并告知安全审计员。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::SuspiciousPage</name>
    <message>
        <source>Same phone number</source>
        <translation>电话号码相同</translation>
    </message>
    <message>
        <source>Same account number</source>
        <translation>账号相同</translation>
    </message>
    <message>
        <source>Different customers with the same mobile or account number. Check both records; clear the pair with a reason when it is in order (for example: husband and wife share the phone).</source>
        <translation>手机号码或账号相同的不同客户。请核对两条记录；如情况正常，请填写理由后排除该客户对（例如：夫妻共用一部电话）。</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>客户对</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer A</source>
        <translation>客户 A</translation>
    </message>
    <message>
        <source>Customer B</source>
        <translation>客户 B</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Suspicious pairs</source>
        <translation>可疑客户对</translation>
    </message>
    <message>
        <source>Open customer &amp;A</source>
        <translation>打开客户 A(&amp;A)</translation>
    </message>
    <message>
        <source>Open customer &amp;B</source>
        <translation>打开客户 B(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Clear pair…</source>
        <translation>排除客户对(&amp;C)…</translation>
    </message>
    <message>
        <source>Clear suspicious pair %1</source>
        <translation>排除可疑客户对 %1</translation>
    </message>
    <message>
        <source>Why are customers %1 and %2 in order?</source>
        <translation>客户 %1 和客户 %2 为何情况正常？</translation>
    </message>
    <message>
        <source>Pair %1 cleared.</source>
        <translation>客户对 %1 已排除。</translation>
    </message>
    <message>
        <source>Shared number (masked)</source>
        <translation>共用号码（已脱敏）</translation>
    </message>
</context>
<context>
    <name>bv::ui::TierApprovalsPanel</name>
    <message>
        <source>Current tier</source>
        <translation>当前客户等级</translation>
    </message>
    <message>
        <source>New tier</source>
        <translation>新客户等级</translation>
    </message>
    <message>
        <source>Computed</source>
        <translation>计算时间</translation>
    </message>
    <message>
        <source>Tier changes waiting for confirmation</source>
        <translation>待确认的客户等级调整</translation>
    </message>
    <message>
        <source>Con&amp;firm tier…</source>
        <translation>确认客户等级(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Keep current tier…</source>
        <translation>保留当前客户等级(&amp;K)…</translation>
    </message>
    <message>
        <source>Confirm tier</source>
        <translation>确认客户等级</translation>
    </message>
    <message>
        <source>Change the tier of customer %1 from %2 to %3?</source>
        <translation>是否将客户 %1 的客户等级由 %2 调整为 %3？</translation>
    </message>
    <message>
        <source>The tier of customer %1 was changed.</source>
        <translation>客户 %1 的客户等级已变更。</translation>
    </message>
    <message>
        <source>Keep the current tier</source>
        <translation>保留当前客户等级</translation>
    </message>
    <message>
        <source>Reason why customer %1 keeps the current tier:</source>
        <translation>客户 %1 保留当前客户等级的理由：</translation>
    </message>
    <message>
        <source>Customer %1 keeps the current tier.</source>
        <translation>客户 %1 保留当前客户等级。</translation>
    </message>
</context>
<context>
    <name>bv::ui::TraceDialog</name>
    <message>
        <source>Trace a printout</source>
        <translation>追溯打印件</translation>
    </message>
    <message>
        <source>Type the serial printed on the page, or the text of its QR code, or open a scan or photo of the page: every QR code in it is checked against the print register.</source>
        <translation>输入页面上印的序列号或二维码内容，或打开该页的扫描件或照片：其中的每个二维码都将与打印登记簿核对。</translation>
    </message>
    <message>
        <source>&amp;Serial or page code:</source>
        <translation>序列号或页面代码(&amp;S)：</translation>
    </message>
    <message>
        <source>Serial or page code</source>
        <translation>序列号或页面代码</translation>
    </message>
    <message>
        <source>&amp;Trace</source>
        <translation>追溯(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Open scan or photo…</source>
        <translation>打开扫描件或照片(&amp;O)…</translation>
    </message>
    <message>
        <source>Codes traced</source>
        <translation>已追溯的二维码</translation>
    </message>
    <message>
        <source>Genuine: a registered BranchVault printout</source>
        <translation>真实：已登记的 BranchVault 打印件</translation>
    </message>
    <message>
        <source>Unknown: this serial is not in the print register</source>
        <translation>未知：此序列号不在打印登记簿中</translation>
    </message>
    <message>
        <source>Forged or altered: the code&apos;s MAC does not match</source>
        <translation>伪造或篡改：二维码的校验码不符</translation>
    </message>
    <message>
        <source>Not a BranchVault printout</source>
        <translation>不是 BranchVault 打印件</translation>
    </message>
    <message>
        <source>Type a serial or a page code first.</source>
        <translation>请先输入序列号或页面代码。</translation>
    </message>
    <message>
        <source>Open a scan or photo of the page</source>
        <translation>打开该页的扫描件或照片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.tif *.tiff *.bmp)</translation>
    </message>
    <message>
        <source>%1 could not be read as an image (%2). Open a PNG or JPEG scan or photo of the page.</source>
        <translation>无法将 %1 读取为图像（%2）。请打开该页的 PNG 或 JPEG 扫描件或照片。</translation>
    </message>
    <message>
        <source>No QR code was found in %1. Scan or photograph the page again, flat and well lit, or type the serial printed on it.</source>
        <translation>在 %1 中未找到二维码。请将页面放平、光线充足后重新扫描或拍照，或输入页面上印的序列号。</translation>
    </message>
    <message>
        <source>serial %1, %2, page %3</source>
        <translation>序列号 %1，%2，第 %3 页</translation>
    </message>
    <message>
        <source>serial %1, %2</source>
        <translation>序列号 %1，%2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>bv::ui::UnlockDialog</name>
    <message>
        <source>Unlock with the recovery passphrase</source>
        <translation>使用恢复口令解锁</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <source>&amp;Recovery passphrase:</source>
        <translation>恢复口令(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
</context>
<context>
    <name>bv::ui::ViewCopyGuard</name>
    <message>
        <source>&amp;Copy row (general information only)</source>
        <translation>复制行（仅基本信息）(&amp;C)</translation>
    </message>
</context>
<context>
    <name>bv::ui::models::CustomerListModel</name>
    <message>
        <source>Loading</source>
        <translation>正在加载</translation>
    </message>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>此列无法排序。</translation>
    </message>
    <message>
        <source>%1, restricted</source>
        <translation>%1，重点保密</translation>
    </message>
    <message>
        <source>The branch list does not match its count. Refresh the list; if this happens again, ask the administrator to verify the database.</source>
        <translation>网点客户列表与其计数不一致。请刷新列表；如果再次出现此情况，请联系系统管理员校验数据库。</translation>
    </message>
    <message>
        <source>Restricted (重点保密): only its customer manager and the branch manager may see it.</source>
        <translation>重点保密客户：仅其客户经理和网点负责人可以查看。</translation>
    </message>
</context>
</TS>
