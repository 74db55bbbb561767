#include "ReportRenderer.h"

#include <QPagedPaintDevice>

namespace bv {

struct ReportRenderer::Layout
{
    int pages = 1;
};

ReportRenderer::ReportRenderer(ReportDocument document)
    : m_document(std::move(document))
    , m_layout(std::make_unique<Layout>())
{
}

ReportRenderer::~ReportRenderer() = default;

int ReportRenderer::layout(QPagedPaintDevice&)
{
    return m_layout->pages;
}

bool ReportRenderer::paint(QPagedPaintDevice&, const PrintMarks*, bool, QString* error)
{
    if (error)
        *error = QStringLiteral("not built yet");
    return false;
}

} // namespace bv
