<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <source>The backup could not be written completely (is the disk full?). No backup file was left behind; free some space or choose another disk.</source>
        <translation>备份未能完整写入（是否磁盘已满？）。未留下任何备份文件；请释放部分空间，或选择其他磁盘。</translation>
    </message>
    <message>
        <source>The backup could not be saved under its final name.</source>
        <translation>备份无法以最终文件名保存。</translation>
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
        <source>The backup could not be extracted beside the database (is the disk full?). Nothing was changed.</source>
        <translation>无法在数据库所在位置提取备份（是否磁盘已满？）。未做任何更改。</translation>
    </message>
    <message>
        <source>The database is in use by another BranchVault. Close it, then restore again; nothing was changed.</source>
        <translation>数据库正被另一个 BranchVault 使用。请先将其关闭，然后重新还原；未做任何更改。</translation>
    </message>
    <message>
        <source>The current database could not be moved aside; nothing was changed.</source>
        <translation>无法将当前数据库移开留存；未做任何更改。</translation>
    </message>
    <message>
        <source>The restored database could not be put in place; the current database was put back.</source>
        <translation>无法将还原的数据库放置到位；已将当前数据库放回原处。</translation>
    </message>
    <message>
        <source>The key envelope does not match the database key, so a backup made now could not be restored with the recovery passphrase. No backup was written; run &quot;branchvault-cli verify&quot; first.</source>
        <translation>密钥信封与数据库密钥不一致，此时做出的备份将无法用恢复口令还原，因此未写入备份。请先运行“branchvault-cli verify”。</translation>
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
        <source>
Options:
  --db PATH      the database (default: %1)
  --json         structured output on stdout
  --lang LANG    zh_CN or en (default: the system language)
  --version      program and library versions
  --help         this text

Exit status 0 means success; any other status comes with one line on stderr naming the cause.</source>
        <translation>
选项：
  --db PATH      数据库（默认：%1）
  --json         在标准输出（stdout）上输出结构化结果
  --lang LANG    zh_CN 或 en（默认：系统语言）
  --version      程序及所用库的版本
  --help         本说明

退出状态 0 表示成功；其他任何退出状态都会在标准错误输出（stderr）上附带一行原因说明。</translation>
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
        <source>The database key cannot be changed inside a transaction.</source>
        <translation>不能在事务中更改数据库密钥。</translation>
    </message>
    <message>
        <source>The database key could not be changed</source>
        <translation>无法更改数据库密钥</translation>
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
        <source>The ID number&apos;s check character (the 18th) should be %1, not %2: one of the 18 characters is probably mistyped. Compare the whole number with the document.</source>
        <translation>证件号码的校验码（第 18 位）应为 %1，而不是 %2：18 位中可能有一位输入错误。请将完整号码与证件逐位核对。</translation>
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
</context>
<context>
    <name>Keyring</name>
    <message>
        <source>The field-encryption keys stored in the database cannot be unwrapped with this key. Run &quot;branchvault-cli verify&quot;; if it reports damage, restore the latest backup.</source>
        <translation>数据库中保存的字段密钥无法用此密钥解封装。请运行“branchvault-cli verify”；如报告有损坏，请还原最新的备份。</translation>
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
        <source>&quot;%1&quot; is set to %2, but at most %3 may be shown: %4 This is a regulatory floor. Set it to %3 or less.</source>
        <translation>“%1”设为 %2，但最多只能显示 %3 位：%4这是监管下限。请设为 %3 或更小的值。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is set to %2, but a mask width cannot be negative. Set it to 0 or more.</source>
        <translation>“%1”设为 %2，但脱敏宽度不能为负数。请设为 0 或更大的值。</translation>
    </message>
    <message>
        <source>the middle 4 digits of an 11-digit mobile number must stay hidden.</source>
        <translation>11 位手机号码的中间 4 位必须隐藏。</translation>
    </message>
    <message>
        <source>the last 4 characters of an 18-character ID number must stay hidden.</source>
        <translation>18 位证件号码的最后 4 位必须隐藏。</translation>
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
    <name>VaultCommands</name>
    <message>
        <source>Created the BranchVault database %1.
Its key is in this account&apos;s keychain.

Recovery passphrase — shown only now. Print or write it down, seal it, and keep it away from this computer; with the key envelope beside the database it unlocks the database on a new machine:

    %2
</source>
        <translation>已创建 BranchVault 数据库 %1。
其密钥保存在当前操作系统账户的系统钥匙串中。

恢复口令——仅此一次显示。请将其打印或抄写下来，密封保存，并与本机分开存放；恢复口令与数据库旁的密钥信封配合使用，可在新的计算机上解锁数据库：

    %2
</translation>
    </message>
    <message>
        <source>Recovery passphrase</source>
        <translation>恢复口令</translation>
    </message>
    <message>
        <source>The database opened with the recovery passphrase, and its key is now in this account&apos;s keychain.</source>
        <translation>已使用恢复口令打开数据库，其密钥现已保存在当前操作系统账户的系统钥匙串中。</translation>
    </message>
    <message>
        <source>All checks passed: database integrity, page authentication (cipher_integrity_check), key envelope and field keys.</source>
        <translation>所有检查均已通过：数据库完整性、页面认证（cipher_integrity_check）、密钥信封和字段密钥。</translation>
    </message>
    <message>
        <source>problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message numerus="yes">
        <source>Verification found %n problem(s). Restore the latest backup if the database is damaged, or follow the advice on each line.</source>
        <translation>
            <numerusform>校验发现 %n 个问题。如数据库已损坏，请还原最新的备份；否则请按每行的建议处理。</numerusform>
        </translation>
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
        <source>key envelope: %1</source>
        <translation>密钥信封：%1</translation>
    </message>
    <message>
        <source>key envelope: it belongs to another database</source>
        <translation>密钥信封：属于另一个数据库</translation>
    </message>
    <message>
        <source>key envelope: its key check does not match the database key; the recovery passphrase may not open this database</source>
        <translation>密钥信封：其密钥校验值与数据库密钥不符；恢复口令可能无法打开此数据库</translation>
    </message>
    <message>
        <source>key envelope: a key rotation was interrupted; open the database once to finish it</source>
        <translation>密钥信封：密钥轮换曾被中断；请打开一次数据库以完成轮换</translation>
    </message>
    <message>
        <source>keyring: field keys are wrapped by %1 keys instead of one</source>
        <translation>密钥环：字段密钥由 %1 个密钥封装，而不是一个</translation>
    </message>
    <message>
        <source>protected values: %1 are sealed with a retired key</source>
        <translation>受保护字段值：有 %1 项使用已停用的密钥加密</translation>
    </message>
    <message>
        <source>The key does not open this database: it belongs to another database, or it is an old key that has since been changed. Unlock with this database&apos;s recovery passphrase (branchvault-cli unlock).</source>
        <translation>该密钥无法打开此数据库：它属于另一个数据库，或是已被更换的旧密钥。请使用此数据库的恢复口令解锁（branchvault-cli unlock）。</translation>
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
    <name>bv::ui::MainWindow</name>
    <message>
        <source>BranchVault — %1</source>
        <translation>BranchVault — %1</translation>
    </message>
    <message>
        <source>The encrypted database is open.
Database id: %1</source>
        <translation>加密数据库已打开。
数据库标识：%1</translation>
    </message>
    <message>
        <source>Database open: %1</source>
        <translation>数据库已打开：%1</translation>
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
        <source>I have printed or written down the recovery passphrase and stored it safely</source>
        <translation>我已打印或抄写恢复口令，并已妥善保管</translation>
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
        <source>&lt;h2&gt;BranchVault recovery sheet&lt;/h2&gt;&lt;p&gt;&lt;b&gt;CONTROLLED — keep sealed.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Database: %1&lt;br&gt;Created: %2&lt;/p&gt;&lt;p style=&quot;font-size:20pt; font-family:monospace&quot;&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;To unlock this database on a new workstation or OS account, run &lt;code&gt;branchvault-cli unlock --db PATH&lt;/code&gt; or start BranchVault and type this passphrase when asked. Letters and digits only; dashes and case do not matter.&lt;/p&gt;&lt;p&gt;Sealed by: ____________________ &amp;nbsp; Witness: ____________________ &amp;nbsp; Date: __________&lt;/p&gt;</source>
        <translation>&lt;h2&gt;BranchVault 恢复口令单&lt;/h2&gt;&lt;p&gt;&lt;b&gt;受控文件——请密封保存。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;数据库：%1&lt;br&gt;创建时间：%2&lt;/p&gt;&lt;p style=&quot;font-size:20pt; font-family:monospace&quot;&gt;&lt;b&gt;%3&lt;/b&gt;&lt;/p&gt;&lt;p&gt;如需在新的工作站或操作系统账户上解锁此数据库，请运行 &lt;code&gt;branchvault-cli unlock --db PATH&lt;/code&gt;，或启动 BranchVault 并在提示时输入此口令。口令仅含字母和数字；输入时短横线和大小写均不影响。&lt;/p&gt;&lt;p&gt;密封人：____________________ &amp;nbsp; 见证人：____________________ &amp;nbsp; 日期：__________&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Print the recovery sheet</source>
        <translation>打印恢复口令单</translation>
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
</TS>
