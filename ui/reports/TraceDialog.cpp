#include "ui/reports/TraceDialog.h"

#include "core/Core.h"
#include "render/PageCodes.h"
#include "ui/common/Dialogs.h"
#include "ui/reports/PrintCopyView.h"
#include "ui/reports/PrintRegisterModel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

namespace {
constexpr int kShownCodeChars = 60; // a foreign code is shown only in part
} // namespace

TraceDialog::TraceDialog(const WorkspaceContext& context, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("traceDialog"));
    setWindowTitle(tr("Trace a printout"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Type the serial printed on the page, or the text of its QR code, or open a scan or "
                                "photo of the page: every QR code in it is checked against the print register."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("&Serial or page code:"), this);
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("codeLineEdit"));
    m_code->setAccessibleName(tr("Serial or page code"));
    label->setBuddy(m_code);
    m_trace = new QPushButton(tr("&Trace"), this);
    m_trace->setObjectName(QStringLiteral("traceButton"));
    m_open = new QPushButton(tr("&Open scan or photo…"), this);
    m_open->setObjectName(QStringLiteral("openImageButton"));
    row->addWidget(label);
    row->addWidget(m_code, 1);
    row->addWidget(m_trace);
    row->addWidget(m_open);
    layout->addLayout(row);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("resultsListWidget"));
    m_list->setAccessibleName(tr("Codes traced"));
    m_list->setContextMenuPolicy(Qt::NoContextMenu);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 6);
    layout->addWidget(m_list);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verdictLabel"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    layout->addWidget(m_verdict);
    m_copy = new PrintCopyView(m_context.clipboard, this);
    layout->addWidget(m_copy, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(m_trace, &QPushButton::clicked, this, [this] { traceText(m_code->text()); });
    connect(m_code, &QLineEdit::returnPressed, this, [this] { traceText(m_code->text()); });
    connect(m_open, &QPushButton::clicked, this, &TraceDialog::openImage);
    connect(m_list, &QListWidget::currentRowChanged, this, &TraceDialog::showResult);
    m_trace->setDefault(true);
    m_code->setFocus();
    resize(760, 560);
}

QString TraceDialog::verdictText(PrintTrace::Verdict verdict)
{
    switch (verdict) {
    case PrintTrace::Verdict::Genuine:
        return tr("Genuine: a registered BranchVault printout");
    case PrintTrace::Verdict::UnknownSerial:
        return tr("Unknown: this serial is not in the print register");
    case PrintTrace::Verdict::MacMismatch:
        return tr("Forged or altered: the code's MAC does not match");
    case PrintTrace::Verdict::NotBranchVault:
        return tr("Not a BranchVault printout");
    }
    return QString();
}

void TraceDialog::setProblem(const QString& text)
{
    m_list->clear();
    m_results.clear();
    m_codes.clear();
    m_copy->clear();
    m_verdict->setText(text);
}

bool TraceDialog::traceText(const QString& serialOrCode)
{
    const QString text = serialOrCode.trimmed();
    if (text.isEmpty()) {
        setProblem(tr("Type a serial or a page code first."));
        m_code->setFocus();
        return false;
    }
    return trace({text}, true);
}

void TraceDialog::openImage()
{
    const QString path = m_context.dialogs.openFileName(
        this, tr("Open a scan or photo of the page"), tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp)"));
    if (!path.isEmpty())
        traceImage(path);
}

bool TraceDialog::traceImage(const QString& path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true); // photos taken on their side
    const QImage image = reader.read();
    const QString name = QDir::toNativeSeparators(path);
    if (image.isNull()) {
        setProblem(tr("%1 could not be read as an image (%2). Open a PNG or JPEG scan or photo of the page.")
                       .arg(name, reader.errorString()));
        return false;
    }
    const QStringList codes = decodeQrCodes(image);
    if (codes.isEmpty()) {
        setProblem(tr("No QR code was found in %1. Scan or photograph the page again, flat and well lit, or type "
                      "the serial printed on it.")
                       .arg(name));
        return false;
    }
    return trace(codes, false);
}

bool TraceDialog::trace(const QStringList& codes, bool typed)
{
    setProblem(QString());
    for (const QString& code : codes) {
        auto traced = m_context.core.printRegister().trace(m_context.session, code);
        if (!traced.ok()) {
            const Error& error = traced.error();
            if (error.code == ErrorCode::SessionLocked || error.code == ErrorCode::AuthenticationFailed) {
                emit lockRequested();
                reject();
                return false;
            }
            setProblem(error.message);
            return false;
        }
        const PrintTrace& result = *traced;
        m_results << result;
        m_codes << code;
        QString where;
        if (!result.copy.serial.isEmpty()) {
            where = result.page > 0
                ? tr("serial %1, %2, page %3")
                      .arg(result.copy.serial, PrintRegisterModel::copyText(result.copy.copy))
                      .arg(result.page)
                : tr("serial %1, %2").arg(result.copy.serial, PrintRegisterModel::copyText(result.copy.copy));
        } else {
            where = typed || code.size() <= kShownCodeChars ? code : code.left(kShownCodeChars) + QChar(0x2026);
        }
        auto* item = new QListWidgetItem(tr("%1 — %2").arg(verdictText(result.verdict), where), m_list);
        item->setData(Qt::UserRole, int(result.verdict));
    }
    m_list->setCurrentRow(0);
    showResult(0);
    return true;
}

void TraceDialog::showResult(int row)
{
    if (row < 0 || row >= m_results.size())
        return;
    const PrintTrace& result = m_results.at(row);
    const QString message = result.message.isEmpty() ? QString() : QLatin1Char('\n') + result.message;
    m_verdict->setText(verdictText(result.verdict) + message);
    if (result.copy.serial.isEmpty())
        m_copy->clear();
    else
        m_copy->setCopy(result.copy);
}

} // namespace bv::ui
