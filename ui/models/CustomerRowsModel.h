#pragma once

#include "ui/models/CustomerListModel.h"

namespace bv::ui::models {

// A short list of customers the core returned in one piece is the customer list model holding its rows
// (CustomerListModel constructed without the core). The name stays for the callers that say what they hold.
using CustomerRowsModel = CustomerListModel;

} // namespace bv::ui::models
