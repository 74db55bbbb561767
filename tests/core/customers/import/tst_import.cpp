// Offline batch entry (DESIGN §6): the CSV template, files in UTF-8, UTF-8 with BOM and GB18030, every bad row
// reported with its line and column, good rows as pending records, nothing dropped, files that cannot be read
// changing nothing, who may import, the report file and the audit rows.
#include "core/audit/AuditActions.h"
#include "core/customers/CustomerService.h"
#include "core/customers/import/CustomerImport.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/rules/CsvReader.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/policy/FieldCatalogue.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>
#include <QStringEncoder>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

using Row = QHash<QString, QString>;

QString k(const char* key)
{
    return QString::fromLatin1(key);
}

QStringList templateKeys()
{
    QStringList keys;
    for (const CsvColumn& column : CustomerImport::templateColumns())
        keys << column.key;
    return keys;
}

QString cell(const QString& value)
{
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n'))) {
        QString quoted = value;
        quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return QLatin1Char('"') + quoted + QLatin1Char('"');
    }
    return value;
}

// One CSV line with the values of `row` in the template's column order (columns `keys`).
QString line(const Row& row, const QStringList& keys = templateKeys())
{
    QStringList cells;
    for (const QString& key : keys)
        cells << cell(row.value(key));
    return cells.join(QLatin1Char(',')) + QLatin1Char('\n');
}

QString englishHeader(const QStringList& keys = templateKeys())
{
    QStringList headings;
    for (const CsvColumn& column : CustomerImport::templateColumns()) {
        if (keys.contains(column.key))
            headings << column.english;
    }
    return headings.join(QLatin1Char(',')) + QLatin1Char('\n');
}

// A complete, valid row. Birth date and sex agree with the ID number.
Row goodRow(int seed)
{
    const bool male = seed % 2 == 0;
    return Row {
        {k(fields::Name), chineseName(seed)},
        {k(fields::IdType), QStringLiteral("mainland_id")},
        {k(fields::IdNumber), mainlandId(seed, QDate(1960 + seed % 40, 1 + seed % 12, 1 + seed % 28), male)},
        {k(fields::Sex), male ? QStringLiteral("M") : QStringLiteral("F")},
        {k(fields::Mobile), mobile(seed)},
        {k(fields::Address), QStringLiteral("上海市浦东新区世纪大道%1号").arg(seed)},
        {k(fields::Occupation), QStringLiteral("教师")},
        {k(fields::IncomeBand), QStringLiteral("100k_300k")},
        {k(fields::AssetsUnderManagement), QString::number(seed * 1000)},
        {k(fields::AccountNumber), cardNumber(seed)},
        {k(fields::AccountType), QStringLiteral("debit_card")},
        {k(fields::AccountOpenedOn), QStringLiteral("2016-03-01")},
    };
}

// Every grade-1 value of a row, to prove that none of them reaches a report or an audit row.
QStringList secretsOf(const Row& row)
{
    QStringList out;
    for (const char* key : {fields::Name, fields::IdNumber, fields::Mobile, fields::AccountNumber, fields::Address}) {
        if (!row.value(k(key)).isEmpty())
            out << row.value(k(key));
    }
    return out;
}

QByteArray encode(const QString& text, const QByteArray& encoding)
{
    if (encoding == "utf-8")
        return text.toUtf8();
    if (encoding == "utf-8-bom")
        return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
    QStringEncoder encoder("GB18030");
    Q_ASSERT(encoder.isValid());
    QByteArray bytes = encoder.encode(text);
    Q_ASSERT(!encoder.hasError());
    return bytes;
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, m2, cm1, cm2, clerk, auditor;
    CustomerEntry& entry() { return t->core->customers().entry(); }
    CustomerImport& importer() { return t->core->customers().importer(); }

    int count(const QString& sql)
    {
        auto n = t->vault->database().scalar(sql);
        return n.ok() ? n->toInt() : -1;
    }
    int customers() { return count(QStringLiteral("SELECT count(*) FROM customers")); }
    int sealed() { return count(QStringLiteral("SELECT count(*) FROM sealed_value")); }

    QString file(const QString& name, const QByteArray& bytes)
    {
        const QString path = t->dir.file(name);
        QFile::remove(path);
        if (!writeFile(path, bytes))
            qWarning("could not write the test file");
        return path;
    }

    QList<AuditRow> auditRows(const char* action)
    {
        AuditFilter filter;
        filter.action = k(action);
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        return rows.ok() ? *rows : QList<AuditRow>();
    }

    QString approvedCustomer(int seed)
    {
        auto receipt = entry().create(cm2, customerInput(seed));
        if (!receipt.ok() || !entry().approve(m1, receipt->changeId, QStringLiteral("checked")).ok())
            return QString();
        return receipt->customerNumber;
    }

    const ImportProblem* problemAt(const ImportReport& report, qint64 lineNo)
    {
        for (const ImportProblem& p : report.problems) {
            if (p.line == lineNo)
                return &p;
        }
        return nullptr;
    }

    // The mixed file: good rows, bad rows of every kind, a quoted multi-line record and a row the CSV reader
    // refuses. Lines (heading = 1): see the comments. `rows` receives every row written.
    QString mixedText(QList<Row>* rows)
    {
        QString text = englishHeader();
        const auto add = [&](const Row& row) {
            rows->append(row);
            text += line(row);
        };
        add(goodRow(11)); // line 2: good
        Row badId = goodRow(12);
        QString id = badId.value(k(fields::IdNumber));
        id[17] = id.at(17) == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        badId[k(fields::IdNumber)] = id;
        add(badId); // line 3: wrong check character
        Row badMobile = goodRow(13);
        badMobile[k(fields::Mobile)] = QStringLiteral("1380013");
        add(badMobile); // line 4: mobile too short
        Row noName = goodRow(14);
        noName[k(fields::Name)] = QString();
        add(noName); // line 5: no name
        Row badCard = goodRow(15);
        QString card = badCard.value(k(fields::AccountNumber));
        card[card.size() - 1] = QChar(u'0' + (card.at(card.size() - 1).digitValue() + 1) % 10);
        badCard[k(fields::AccountNumber)] = card;
        add(badCard); // line 6: Luhn check fails
        add(goodRow(16)); // line 7: good
        Row duplicateInFile = goodRow(20);
        duplicateInFile[k(fields::IdNumber)] = goodRow(11).value(k(fields::IdNumber));
        duplicateInFile[k(fields::Sex)] = goodRow(11).value(k(fields::Sex));
        add(duplicateInFile); // line 8: same ID number as line 2
        Row existing = goodRow(21);
        existing[k(fields::IdNumber)] = customerInput(17).values.value(k(fields::IdNumber));
        existing[k(fields::Sex)] = QStringLiteral("F"); // customerInput(17): odd seed, female
        add(existing); // line 9: same ID number as an approved customer
        Row quoted = goodRow(18);
        quoted[k(fields::Address)] = QStringLiteral("北京市海淀区中关村大街1号,3单元501");
        quoted[k(fields::Family)] = QStringLiteral("已婚，两个孩子\n配偶在本行开户");
        add(quoted); // lines 10-11: a comma in the address, a line break in the family note
        add(goodRow(19)); // line 12: good
        Row badQuotes = goodRow(22);
        rows->append(badQuotes);
        QString raw = line(badQuotes);
        raw.replace(QStringLiteral(",教师,"), QStringLiteral(",\"教师\"x,"));
        text += raw; // line 13: text after a closing quote (the CSV reader refuses the row)
        return text;
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        m2 = t->addUser(QStringLiteral("m2"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("张经理"));
        cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager, QStringLiteral("李经理"));
        clerk = t->addUser(QStringLiteral("k1"), Role::Clerk);
        auditor = t->addUser(QStringLiteral("u1"), Role::Auditor);
    }
    void cleanup() { t.reset(); }

    void templateHasOneColumnPerEntryField()
    {
        const QList<CsvColumn> columns = CustomerImport::templateColumns();
        QCOMPARE(columns.size(), 22);
        QCOMPARE(templateKeys(),
            QStringList({"name", "id_type", "id_number", "sex", "birth_date", "nationality", "mobile", "other_phone",
                "email", "address", "occupation", "employer", "income_band", "marital_status", "family", "risk_rating",
                "aum_cny", "product_holdings", "account_number", "account_type", "account_opened_on", "manager"}));
        QCOMPARE(columns.at(2).english, QStringLiteral("ID number"));
        QCOMPARE(columns.at(2).chinese, QStringLiteral("证件号码"));
        QStringList required;
        for (const CsvColumn& column : columns) {
            if (column.required)
                required << column.key;
        }
        QCOMPARE(required, QStringList({"name", "id_type", "id_number"}));

        const QByteArray csv = CustomerImport::templateCsv();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(csv.endsWith("\r\n"));
        QCOMPARE(QString::fromUtf8(csv.mid(3)).trimmed(), englishHeader().trimmed());
        // The template itself imports: a heading row and no customers.
        auto report = importer().importFile(cm1, file(QStringLiteral("template.csv"), csv));
        BV_VERIFY_OK(report);
        QCOMPARE(report->rows, 0);
        QCOMPARE(report->warnings.size(), 1);
        QCOMPARE(customers(), 0);
    }

    void mixedFile_data()
    {
        QTest::addColumn<QByteArray>("encoding");
        QTest::newRow("UTF-8") << QByteArray("utf-8");
        QTest::newRow("UTF-8 with BOM") << QByteArray("utf-8-bom");
        QTest::newRow("GB18030") << QByteArray("gb18030");
    }
    void mixedFile()
    {
        QFETCH(QByteArray, encoding);
        const QString existingNumber = approvedCustomer(17);
        QVERIFY(!existingNumber.isEmpty());
        QCOMPARE(entry().pending(m1)->size(), 0);

        QList<Row> rows;
        const QByteArray bytes = encode(mixedText(&rows), encoding);
        if (encoding == "gb18030")
            QVERIFY(QString::fromUtf8(bytes).toUtf8() != bytes); // really not UTF-8
        auto report = importer().importFile(cm1, file(QStringLiteral("mixed.csv"), bytes));
        BV_VERIFY_OK(report);

        QCOMPARE(report->rows, 11);
        QCOMPARE(report->accepted, 4);
        QCOMPARE(report->rejected, 7);
        QCOMPARE(report->rows, report->accepted + report->rejected);
        QCOMPARE(report->createdNumbers.size(), 4);
        QCOMPARE(entry().pending(m1)->size(), 4);
        QCOMPARE(entry().pending(cm1)->size(), 4);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customers WHERE status = 'pending'")), 4);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM accounts")), 5); // 4 imported + the existing one

        // Every bad row once, with its line, column letter and field.
        const QList<std::tuple<qint64, QString, QString>> expected = {
            {3, "C", "id_number"},
            {4, "G", "mobile"},
            {5, "A", "name"},
            {6, "S", "account_number"},
            {8, "C", "id_number"},
            {9, "C", "id_number"},
            {13, "K", "occupation"},
        };
        QCOMPARE(report->problems.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const ImportProblem& p = report->problems.at(i);
            QCOMPARE(p.line, std::get<0>(expected.at(i)));
            QCOMPARE(p.column, std::get<1>(expected.at(i)));
            QCOMPARE(p.field, std::get<2>(expected.at(i)));
            QVERIFY(!p.message.isEmpty());
        }
        QVERIFY(report->problems.at(0).message.contains(QStringLiteral("check character")));
        QVERIFY(report->problems.at(3).message.contains(QStringLiteral("check digit")));
        // the duplicate within the file names the record made from line 2; the other the existing customer
        QVERIFY(report->problems.at(4).message.contains(report->createdNumbers.at(0)));
        QVERIFY(report->problems.at(5).message.contains(existingNumber));
        QVERIFY(report->problems.at(6).message.startsWith(QStringLiteral("Line 13, column K")));

        // The quoted values survived: the address with its comma, the family note with its line break.
        auto ref = CustomerServiceInternals::of(t->core->customers()).customerByNumber(report->createdNumbers.at(2));
        BV_VERIFY_OK(ref);
        auto sealedValues
            = CustomerServiceInternals::of(t->core->customers()).store().open(QStringLiteral("customer"), ref->id);
        BV_VERIFY_OK(sealedValues);
        QCOMPARE(sealedValues->value(k(fields::Address)), QStringLiteral("北京市海淀区中关村大街1号,3单元501"));
        QCOMPARE(sealedValues->value(k(fields::Name)), chineseName(18));
        auto columns = CustomerServiceInternals::of(t->core->customers()).store().columns(ref->id);
        BV_VERIFY_OK(columns);
        QCOMPARE(columns->value(k(fields::Family)), QStringLiteral("已婚，两个孩子\n配偶在本行开户"));
        // line 12 came after the two-line record: its record is the fourth
        auto last = CustomerServiceInternals::of(t->core->customers())
                        .store()
                        .open(QStringLiteral("customer"),
                            CustomerServiceInternals::of(t->core->customers())
                                .customerByNumber(report->createdNumbers.at(3))
                                ->id);
        QCOMPARE(last->value(k(fields::IdNumber)), goodRow(19).value(k(fields::IdNumber)));

        // One summary row, the encoding recognised, one customer.create per record, no values anywhere.
        const QList<AuditRow> summary = auditRows(audit::CustomerImport);
        QCOMPARE(summary.size(), 1);
        QCOMPARE(summary.first().outcome, QStringLiteral("ok"));
        QCOMPARE(summary.first().login, QStringLiteral("cm1"));
        const QJsonObject details = QJsonDocument::fromJson(summary.first().details.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("file")).toString(), QStringLiteral("mixed.csv"));
        QCOMPARE(details.value(QStringLiteral("encoding")).toString(), QString::fromLatin1(encoding));
        QCOMPARE(details.value(QStringLiteral("rows")).toInt(), 11);
        QCOMPARE(details.value(QStringLiteral("accepted")).toInt(), 4);
        QCOMPARE(details.value(QStringLiteral("rejected")).toInt(), 7);
        QVERIFY(!summary.first().details.contains(t->dir.path()));
        QCOMPARE(auditRows(audit::CustomerCreate).size(), 1 + 4);
        AuditFilter all;
        all.limit = 10000;
        const auto logged = internalsOf(*t->core).auditLog().rows(all);
        BV_VERIFY_OK(logged);
        for (const AuditRow& row : *logged) {
            for (const Row& r : rows) {
                for (const QString& secret : secretsOf(r))
                    QVERIFY2(!row.details.contains(secret), qPrintable(row.action));
            }
        }
        for (const ImportProblem& p : report->problems) {
            for (const Row& r : rows) {
                for (const QString& secret : secretsOf(r))
                    QVERIFY2(!p.message.contains(secret), qPrintable(p.message));
            }
        }
    }

    void chineseHeadingsAndConveniences()
    {
        // Chinese headings, CRLF line ends, only some columns, values as typed on Chinese Windows.
        const QStringList keys = {"name", "id_type", "id_number", "sex", "mobile", "address", "marital_status",
            "account_number", "account_type", "account_opened_on"};
        QStringList headings;
        for (const CsvColumn& column : CustomerImport::templateColumns()) {
            if (keys.contains(column.key))
                headings << column.chinese;
        }
        QCOMPARE(headings.first(), QStringLiteral("姓名"));
        QString text = headings.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        Row good = goodRow(31); // female
        good[k(fields::IdType)] = QStringLiteral("居民身份证");
        good[k(fields::Sex)] = QStringLiteral("女");
        good[k(fields::MaritalStatus)] = QStringLiteral("已婚");
        good[k(fields::AccountType)] = QStringLiteral("借记卡");
        good[k(fields::AccountOpenedOn)] = QStringLiteral("2015/1/5");
        text += line(good, keys).replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
        // line 3: a 15-digit first-generation ID number is upgraded, with a warning
        Row legacy = goodRow(32);
        const QString id18 = mainlandId(32, QDate(1965, 3, 9), true);
        legacy[k(fields::IdNumber)] = id18.left(6) + id18.mid(8, 9);
        legacy[k(fields::Sex)] = QStringLiteral("男");
        text += line(legacy, keys).replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
        // line 4: Excel turned the card number into scientific notation
        Row scientific = goodRow(33);
        scientific[k(fields::AccountNumber)] = QStringLiteral("6.22202E+18");
        text += line(scientific, keys).replace(QStringLiteral("\n"), QStringLiteral("\r\n"));

        auto report = importer().importFile(cm1, file(QStringLiteral("中文.csv"), encode(text, "gb18030")));
        BV_VERIFY_OK(report);
        QCOMPARE(report->rows, 3);
        QCOMPARE(report->accepted, 2);
        QCOMPARE(report->rejected, 1);
        QCOMPARE(report->problems.size(), 1);
        QCOMPARE(report->problems.first().line, 4);
        QCOMPARE(report->problems.first().column, QStringLiteral("H"));
        QCOMPARE(report->problems.first().field, QStringLiteral("account_number"));
        QVERIFY(report->problems.first().message.contains(QStringLiteral("scientific notation")));
        QCOMPARE(report->warnings.size(), 1);
        QVERIFY(report->warnings.first().startsWith(QStringLiteral("Line 3: The 15-digit ID number was upgraded")));

        auto ref = CustomerServiceInternals::of(t->core->customers()).customerByNumber(report->createdNumbers.first());
        auto columns = CustomerServiceInternals::of(t->core->customers()).store().columns(ref->id);
        QCOMPARE(columns->value(k(fields::Sex)), QStringLiteral("F"));
        QCOMPARE(columns->value(k(fields::MaritalStatus)), QStringLiteral("married"));
        auto accounts = CustomerServiceInternals::of(t->core->customers()).store().accounts(ref->id, false);
        QCOMPARE(accounts->size(), 1);
        QCOMPARE(accounts->first().type, QStringLiteral("debit_card"));
        QCOMPARE(accounts->first().openedOn, QDate(2015, 1, 5));
        auto upgraded = CustomerServiceInternals::of(t->core->customers())
                            .store()
                            .open(QStringLiteral("customer"),
                                CustomerServiceInternals::of(t->core->customers())
                                    .customerByNumber(report->createdNumbers.at(1))
                                    ->id);
        QCOMPARE(upgraded->value(k(fields::IdNumber)), id18);
    }

    void filesThatCannotBeReadChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        const QByteArray good = encode(englishHeader() + line(goodRow(41)), "utf-8");
        QTest::newRow("empty") << QByteArray() << int(ErrorCode::InvalidInput);
        QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << int(ErrorCode::InvalidInput);
        QTest::newRow("PNG") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10", 24) + good
                             << int(ErrorCode::InvalidInput);
        QTest::newRow("unknown heading") << encode(
            QStringLiteral("Remarks,") + englishHeader() + QStringLiteral("x,") + line(goodRow(41)), "utf-8")
                                         << int(ErrorCode::InvalidInput);
        QTest::newRow("missing column") << encode(
            englishHeader({"name", "id_number", "sex", "account_number", "account_type"})
                + QStringLiteral("a,b,c,d,e\n"),
            "utf-8") << int(ErrorCode::InvalidInput);
        QTest::newRow("heading row deleted")
            << encode(line(goodRow(41)) + line(goodRow(42)), "utf-8") << int(ErrorCode::InvalidInput);
        QTest::newRow("UTF-16") << QByteArray("\xFF\xFE") + QString(englishHeader()).toUtf8()
                                << int(ErrorCode::InvalidInput);
    }
    void filesThatCannotBeReadChangeNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        const QString report = t->dir.file(QStringLiteral("report.csv"));
        auto result = importer().importFile(cm1, file(QStringLiteral("bad.csv"), bytes), report);
        BV_COMPARE_CODE(result, ErrorCode(code));
        QCOMPARE(customers(), 0);
        QCOMPARE(sealed(), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customer_changes")), 0);
        QCOMPARE(auditRows(audit::CustomerCreate).size(), 0);
        QVERIFY(!QFile::exists(report)); // no report for a file that was refused as a whole
        // The attempt is recorded, without anything from the file.
        const QList<AuditRow> attempts = auditRows(audit::CustomerImport);
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.first().outcome, QStringLiteral("failed"));
        QVERIFY(!attempts.first().details.contains(goodRow(41).value(k(fields::IdNumber))));
        // The message quotes no value of the file either.
        for (const QString& secret : secretsOf(goodRow(41)) + secretsOf(goodRow(42)))
            QVERIFY(!result.error().message.contains(secret));
    }

    void missingFile()
    {
        BV_COMPARE_CODE(importer().importFile(cm1, t->dir.file(QStringLiteral("nowhere.csv"))), ErrorCode::NotFound);
        BV_COMPARE_CODE(importer().importFile(cm1, t->dir.path()), ErrorCode::Io); // a folder
        QCOMPARE(customers(), 0);
    }

    void onlyManagersImport()
    {
        const QString path = file(QStringLiteral("one.csv"), encode(englishHeader() + line(goodRow(51)), "utf-8"));
        BV_COMPARE_CODE(importer().importFile(clerk, path), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(importer().importFile(t->admin, path), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(importer().importFile(auditor, path), ErrorCode::PermissionDenied);
        QCOMPARE(customers(), 0);
        QCOMPARE(auditRows(audit::AccessDenied).size(), 3);
        QCOMPARE(auditRows(audit::CustomerImport).size(), 0);
        auto report = importer().importFile(cm1, path);
        BV_VERIFY_OK(report);
        QCOMPARE(report->accepted, 1);
    }

    void branchManagerNamesTheCustomerManager()
    {
        // without the manager column the file is refused as a whole
        const QString without = file(QStringLiteral("nomanager.csv"),
            encode(englishHeader(QStringList(templateKeys()).mid(0, 21)) + line(goodRow(61), templateKeys().mid(0, 21)),
                "utf-8"));
        auto refused = importer().importFile(m1, without);
        BV_COMPARE_CODE(refused, ErrorCode::InvalidInput);
        QCOMPARE(refused.error().field, QStringLiteral("manager"));
        QCOMPARE(customers(), 0);

        QString text = englishHeader();
        Row forCm1 = goodRow(62);
        forCm1[k(fields::Manager)] = QStringLiteral("CM1"); // logins are not case-sensitive
        text += line(forCm1); // line 2
        Row noManager = goodRow(63);
        text += line(noManager); // line 3
        Row unknown = goodRow(64);
        unknown[k(fields::Manager)] = QStringLiteral("nobody");
        text += line(unknown); // line 4
        Row notCm = goodRow(65);
        notCm[k(fields::Manager)] = QStringLiteral("m2");
        text += line(notCm); // line 5
        Row forCm2 = goodRow(66);
        forCm2[k(fields::Manager)] = QStringLiteral("cm2");
        text += line(forCm2); // line 6
        auto report = importer().importFile(m1, file(QStringLiteral("manager.csv"), encode(text, "utf-8-bom")));
        BV_VERIFY_OK(report);
        QCOMPARE(report->rows, 5);
        QCOMPARE(report->accepted, 2);
        QCOMPARE(report->rejected, 3);
        QCOMPARE(report->problems.size(), 3);
        for (const ImportProblem& p : report->problems) {
            QCOMPARE(p.column, QStringLiteral("V"));
            QCOMPARE(p.field, QStringLiteral("manager"));
        }
        QCOMPARE(report->problems.at(0).line, 3);
        QCOMPARE(report->problems.at(1).line, 4);
        QCOMPARE(report->problems.at(2).line, 5);
        // each record belongs to the manager named; another branch manager checks them
        QCOMPARE(entry().pending(m2)->size(), 2);
        QCOMPARE(entry().pending(cm1)->size(), 0); // a customer manager's list holds his or her own entries
        QCOMPARE(CustomerServiceInternals::of(t->core->customers())
                     .customerByNumber(report->createdNumbers.at(0))
                     ->managerId,
            t->userId(QStringLiteral("cm1")));
        QCOMPARE(CustomerServiceInternals::of(t->core->customers())
                     .customerByNumber(report->createdNumbers.at(1))
                     ->managerId,
            t->userId(QStringLiteral("cm2")));
        const qint64 changeId = entry().pending(m2)->first().id;
        BV_COMPARE_CODE(entry().approve(m1, changeId, QStringLiteral("checked")), ErrorCode::PermissionDenied);
        BV_VERIFY_OK(entry().approve(m2, changeId, QStringLiteral("checked")));
    }

    void customerManagerImportsOnlyForHimself()
    {
        QString text = englishHeader();
        Row own = goodRow(71);
        own[k(fields::Manager)] = QStringLiteral("cm1");
        text += line(own);
        Row other = goodRow(72);
        other[k(fields::Manager)] = QStringLiteral("cm2");
        text += line(other);
        text += line(goodRow(73)); // empty: the importer
        auto report = importer().importFile(cm1, file(QStringLiteral("cm.csv"), encode(text, "utf-8")));
        BV_VERIFY_OK(report);
        QCOMPARE(report->accepted, 2);
        QCOMPARE(report->rejected, 1);
        QCOMPARE(report->problems.first().line, 3);
        QCOMPARE(report->problems.first().field, QStringLiteral("manager"));
        QCOMPARE(entry().pending(cm1)->size(), 2);
        QCOMPARE(entry().pending(cm2)->size(), 0);
    }

    void reportFile()
    {
        QVERIFY(!approvedCustomer(17).isEmpty());
        QList<Row> rows;
        const QString path = file(QStringLiteral("mixed.csv"), encode(mixedText(&rows), "utf-8"));
        const QString reportPath = t->dir.file(QStringLiteral("mixed-report.csv"));
        auto report = importer().importFile(cm1, path, reportPath);
        BV_VERIFY_OK(report);
        QCOMPARE(report->rejected, 7);

        const QByteArray bytes = readFile(reportPath);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(bytes.mid(3));
        const QStringList lines = text.split(QStringLiteral("\r\n"));
        QVERIFY(lines.contains(QStringLiteral("File,mixed.csv")));
        QVERIFY(lines.contains(QStringLiteral("Rows,11")));
        QVERIFY(lines.contains(QStringLiteral("Accepted (pending review),4")));
        QVERIFY(lines.contains(QStringLiteral("Rejected,7")));
        const qsizetype table = lines.indexOf(QStringLiteral("Line,Column,Field,Message"));
        QVERIFY(table > 0);
        QStringList starts;
        for (qsizetype i = table + 1; i < lines.size() && !lines.at(i).isEmpty(); ++i)
            starts << lines.at(i).section(QLatin1Char(','), 0, 2);
        QCOMPARE(starts,
            QStringList({"3,C,id_number", "4,G,mobile", "5,A,name", "6,S,account_number", "8,C,id_number",
                "9,C,id_number", "13,K,occupation"}));
        // the report can be read back as CSV (quoted messages with commas)
        CsvReader reader;
        BV_VERIFY_OK(reader.open(bytes));
        // no grade-1 value of any row, good or bad
        for (const Row& r : rows) {
            for (const QString& secret : secretsOf(r))
                QVERIFY2(!text.contains(secret), qPrintable(secret.left(2)));
        }

        // never overwritten: the second import is refused before anything changes
        const QByteArray before = fileSha256(reportPath);
        const int customersBefore = customers();
        auto again = importer().importFile(cm1, path, reportPath);
        BV_COMPARE_CODE(again, ErrorCode::AlreadyExists);
        QCOMPARE(fileSha256(reportPath), before);
        QCOMPARE(customers(), customersBefore);
    }

    void progressReachesTheTotal()
    {
        QString text = englishHeader();
        for (int seed = 100; seed < 130; ++seed)
            text += line(goodRow(seed));
        const QByteArray bytes = encode(text, "utf-8-bom");
        QList<std::pair<qint64, qint64>> calls;
        auto report = importer().importFile(
            cm1, file(QStringLiteral("progress.csv"), bytes), QString(), [&calls](qint64 done, qint64 total) {
                calls.append({done, total});
            });
        BV_VERIFY_OK(report);
        QCOMPARE(report->accepted, 30);
        QVERIFY(calls.size() >= 2);
        for (qsizetype i = 0; i < calls.size(); ++i) {
            QCOMPARE(calls.at(i).second, qint64(bytes.size()));
            if (i > 0)
                QVERIFY(calls.at(i).first >= calls.at(i - 1).first);
        }
        QCOMPARE(calls.last().first, qint64(bytes.size()));
    }

    // The rows of a batch are written together (CustomerEntry::createMany, table by table); when that fails
    // they go one by one through CustomerEntry::create. Both ways must leave exactly the same records: the same
    // report (problems, the duplicate within the file naming the record of its earlier line, the one against the
    // branch naming the existing customer), the same customer rows, sealed values (masks, blind indexes, opened
    // values), accounts, pending changes and customer.create audit rows, and an intact audit chain. Batches of
    // 100 hold the duplicate and its earlier line together; batches of 4 put them in different transactions; 150
    // more good rows in batches of 500 give every table many rows in one batch.
    void batchWritesLeaveTheSameRecordsAsRowByRow_data()
    {
        QTest::addColumn<int>("batchRows");
        QTest::addColumn<int>("moreRows");
        QTest::newRow("one batch") << 100 << 0;
        QTest::newRow("batches of 4") << 4 << 0;
        QTest::newRow("150 more rows") << 500 << 150;
    }
    void batchWritesLeaveTheSameRecordsAsRowByRow()
    {
        QFETCH(int, batchRows);
        QFETCH(int, moreRows);
        struct Snapshot
        {
            QStringList report;
            QStringList rows;
            QList<QHash<QString, QString>> opened; // grade-1 values: compared, never printed
            bool duplicatesNamed = false;
        };
        const auto take = [&](bool rowByRow) {
            Snapshot snap;
            t.reset();
            init();
            const QString existing = approvedCustomer(17);
            if (existing.isEmpty())
                return snap;
            importer().setBatchRowsForTesting(batchRows);
            importer().setBatchWritesFailForTesting(rowByRow);
            QList<Row> written;
            QString text = mixedText(&written);
            for (int i = 0; i < moreRows; ++i)
                text += line(goodRow(3000 + i));
            auto report = importer().importFile(cm1, file(QStringLiteral("mixed.csv"), encode(text, "utf-8")));
            if (!report.ok())
                return snap;
            snap.report << QStringLiteral("rows %1 accepted %2 rejected %3")
                               .arg(report->rows)
                               .arg(report->accepted)
                               .arg(report->rejected);
            for (const ImportProblem& p : report->problems)
                snap.report << QStringLiteral("%1|%2|%3|%4").arg(p.line).arg(p.column, p.field, p.message);
            snap.report << report->warnings << report->createdNumbers;
            const ImportProblem* inFile = problemAt(*report, 8);
            const ImportProblem* inBranch = problemAt(*report, 9);
            snap.duplicatesNamed = !report->createdNumbers.isEmpty() && inFile && inBranch
                && inFile->message.contains(report->createdNumbers.constFirst())
                && inBranch->message.contains(existing);
            const QStringList queries {
                QStringLiteral(
                    "SELECT id, customer_no, branch, status, manager_id, restricted, tier, sex, nationality, "
                    "age_band, occupation, employer, income_band, marital_status, family, risk_rating, "
                    "aum_cny, product_holdings, created_by, created_at = updated_at, version FROM customers "
                    "ORDER BY id"),
                QStringLiteral(
                    "SELECT owner_kind, owner_id, field, generation, masked, blind_domain, blind IS NOT NULL, "
                    "length(sealed) FROM sealed_value ORDER BY owner_kind, owner_id, field"),
                QStringLiteral("SELECT id, customer_id, type, opened_on, status FROM accounts ORDER BY id"),
                QStringLiteral("SELECT id, customer_id, kind, status, maker_id, base_version, values_json, diff_json, "
                               "checker_id IS NULL FROM customer_changes ORDER BY id"),
                QStringLiteral("SELECT branch, next FROM customer_numbers"),
                QStringLiteral("SELECT action, object_type, object_id, customer_no, outcome, login, role, "
                               "json_remove(details, '$.session') FROM audit_log WHERE action = 'customer.create' "
                               "ORDER BY seq"),
            };
            for (const QString& sql : queries) {
                auto q = t->vault->database().query(sql);
                if (!q.ok())
                    return snap;
                while (q->next()) {
                    QStringList cells;
                    for (int c = 0; c < q->record().count(); ++c)
                        cells << (q->isNull(c) ? QStringLiteral("NULL") : q->value(c).toString());
                    snap.rows << cells.join(QLatin1Char('|'));
                }
            }
            auto ids = t->vault->database().query(QStringLiteral("SELECT id FROM customers ORDER BY id"));
            while (ids.ok() && ids->next()) {
                auto values = CustomerServiceInternals::of(t->core->customers())
                                  .store()
                                  .open(QStringLiteral("customer"), ids->value(0).toLongLong());
                snap.opened << (values.ok() ? *values : QHash<QString, QString> {});
            }
            auto verified = internalsOf(*t->core).auditLog().verify();
            if (!verified.ok() || !verified->ok())
                snap.rows << QStringLiteral("audit chain broken");
            return snap;
        };
        const Snapshot batched = take(false);
        const Snapshot oneByOne = take(true);
        QVERIFY(!batched.report.isEmpty());
        QCOMPARE(batched.report.first(),
            QStringLiteral("rows %1 accepted %2 rejected 7").arg(11 + moreRows).arg(4 + moreRows));
        // the duplicate within the file names the record of line 2, the other the approved customer
        QVERIFY(batched.duplicatesNamed);
        QCOMPARE(batched.report, oneByOne.report);
        QCOMPARE(batched.rows.size(), oneByOne.rows.size());
        for (qsizetype i = 0; i < batched.rows.size(); ++i)
            QVERIFY2(batched.rows.at(i) == oneByOne.rows.at(i), qPrintable(QStringLiteral("row %1 differs").arg(i)));
        QCOMPARE(batched.opened.size(), 5 + moreRows); // the approved customer and the rows accepted
        QVERIFY(batched.opened == oneByOne.opened); // not QCOMPARE: the values are grade 1
        for (const QHash<QString, QString>& values : batched.opened)
            QVERIFY(!values.value(k(fields::IdNumber)).isEmpty());
    }

    void rowsAcrossBatches()
    {
        // More rows than one batch holds: every row counted, bad ones on both sides of the boundary.
        importer().setBatchRowsForTesting(500);
        QString text = englishHeader();
        QList<qint64> badLines;
        for (int i = 0; i < 1050; ++i) {
            Row row = goodRow(1000 + i);
            if (i == 3 || i == 498 || i == 499 || i == 500 || i == 1049) {
                row[k(fields::Mobile)] = QStringLiteral("12");
                badLines << i + 2;
            }
            text += line(row);
        }
        auto report = importer().importFile(cm1, file(QStringLiteral("big.csv"), encode(text, "utf-8")));
        BV_VERIFY_OK(report);
        QCOMPARE(report->rows, 1050);
        QCOMPARE(report->accepted, 1045);
        QCOMPARE(report->rejected, 5);
        QList<qint64> lines;
        for (const ImportProblem& p : report->problems)
            lines << p.line;
        QCOMPARE(lines, badLines);
        QCOMPARE(customers(), 1045);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'customer.create'")), 1045);
        // the pending inbox is paged (1,000 per page at most)
        qint64 pendingSeen = 0;
        qint64 after = 0;
        for (;;) {
            auto page = entry().pending(cm1, after, 1000);
            BV_VERIFY_OK(page);
            if (page->isEmpty())
                break;
            pendingSeen += page->size();
            after = page->constLast().id;
        }
        QCOMPARE(pendingSeen, 1045);
    }

    // A full disk is not the row's fault: the import stops there with the disk's own error (the CLI then
    // exits 17), nothing of the failing batch is left half-written, and importing again later saves it all.
    void aFullDiskStopsTheImport()
    {
        QString text = englishHeader();
        for (int seed = 81; seed <= 83; ++seed)
            text += line(goodRow(seed));
        const QString path = file(QStringLiteral("three.csv"), encode(text, "utf-8"));
        internalsOf(*t->core).auditLog().failNextAppendsForTesting(1); // the first record's audit row cannot be written
        auto report = importer().importFile(cm1, path);
        BV_VERIFY_OK(report);
        QCOMPARE(report->stoppedBy.code, ErrorCode::DiskFull);
        QCOMPARE(report->accepted, 0);
        QCOMPARE(report->problems.first().line, 2);
        QCOMPARE(customers(), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind = 'customer'")), 0);
        QCOMPARE(auditRows(audit::CustomerCreate).size(), 0);
        auto again = importer().importFile(cm1, path);
        BV_VERIFY_OK(again);
        QCOMPARE(again->stoppedBy.code, ErrorCode::None);
        QCOMPARE(again->accepted, 3);
        QCOMPARE(customers(), 3);
    }

    void fileChangedWhileReadingSavesNothingOfItsBatch()
    {
        QString text = englishHeader();
        for (int seed = 90; seed < 95; ++seed)
            text += line(goodRow(seed));
        const QString path = file(QStringLiteral("changing.csv"), encode(text, "utf-8"));
        bool appended = false;
        auto report = importer().importFile(cm1, path, QString(), [&](qint64 done, qint64) {
            if (done > 0 && !appended) { // after the first chunk was read: Excel saves the file again
                appended = true;
                QFile f(path);
                if (f.open(QIODevice::Append))
                    f.write(line(goodRow(95)).toUtf8());
            }
        });
        BV_VERIFY_OK(report);
        QVERIFY(appended);
        QCOMPARE(report->rows, 5);
        QCOMPARE(report->accepted, 0);
        QCOMPARE(report->rejected, 5);
        QCOMPARE(report->problems.size(), 6); // each row, and where reading stopped
        QCOMPARE(customers(), 0);
        QCOMPARE(sealed(), 0);
        const QList<AuditRow> summary = auditRows(audit::CustomerImport);
        QCOMPARE(summary.size(), 1);
        QCOMPARE(summary.first().outcome, QStringLiteral("failed"));
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
