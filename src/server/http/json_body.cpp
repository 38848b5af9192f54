#include "http/json_body.h"

#include "services/errors.h"
#include "validation/validation.h"

namespace skyloom::server {

const std::string& Fields::String(const std::string& name) const {
    static const std::string kEmpty;
    auto it = m_strings.find(name);
    return it == m_strings.end() ? kEmpty : it->second;
}

int64_t Fields::Int(const std::string& name, int64_t fallback) const {
    auto it = m_ints.find(name);
    return it == m_ints.end() ? fallback : it->second;
}

bool Fields::Bool(const std::string& name) const {
    const Json& value = Value(name);
    return value.is_boolean() && value.get<bool>();
}

const Json& Fields::Value(const std::string& name) const {
    static const Json kNull;
    auto it = m_values.find(name);
    return it == m_values.end() ? kNull : it->second;
}

Result<Fields> ReadFields(const std::string& body, std::initializer_list<FieldSpec> spec) {
    if (body.size() > kMaxJsonBodyBytes) {
        return Error{"payload_too_large", "The request body is larger than 64 KB", 413};
    }
    if (body.empty())
        return errors::BadRequest("malformed_json",
                                  "The request body is empty; send a JSON object");
    if (!IsValidUtf8(body))
        return errors::BadRequest("invalid_utf8", "The request body is not valid UTF-8");
    Json json = Json::parse(body, nullptr, false);
    if (json.is_discarded())
        return errors::BadRequest("malformed_json", "The request body is not valid JSON");
    if (!json.is_object())
        return errors::BadRequest("malformed_json", "The request body must be a JSON object");
    for (const auto& [key, _] : json.items()) {
        bool known = false;
        for (const FieldSpec& field : spec) known = known || key == field.name;
        if (!known) {
            std::string shown = key.size() > 40 ? key.substr(0, 40) + "..." : key;
            return errors::BadRequest("unknown_field", "Unknown field `" + shown + "`");
        }
    }
    Fields fields;
    for (const FieldSpec& field : spec) {
        auto it = json.find(field.name);
        if (it == json.end() || it->is_null()) {
            if (field.required) {
                return errors::BadRequest("missing_field",
                                          std::string("Missing field `") + field.name + "`");
            }
            continue;
        }
        if (field.type == FieldType::kInteger) {
            // Integers beyond int64 (or unsigned above it) are refused like any wrong type.
            if (!it->is_number_integer() ||
                (it->is_number_unsigned() && it->get<uint64_t>() > uint64_t(INT64_MAX))) {
                return errors::BadRequest(
                    "wrong_type", std::string("Field `") + field.name + "` must be an integer");
            }
            fields.m_ints.emplace(field.name, it->get<int64_t>());
            continue;
        } else if (field.type != FieldType::kString) {
            bool fits = (field.type == FieldType::kBool && it->is_boolean()) ||
                        (field.type == FieldType::kArray && it->is_array()) ||
                        (field.type == FieldType::kObject && it->is_object());
            if (!fits) {
                const char* kind = field.type == FieldType::kBool    ? "true or false"
                                   : field.type == FieldType::kArray ? "an array"
                                                                     : "an object";
                return errors::BadRequest(
                    "wrong_type", std::string("Field `") + field.name + "` must be " + kind);
            }
            fields.m_values.emplace(field.name, std::move(*it));
            continue;
        }
        if (!it->is_string()) {
            return errors::BadRequest("wrong_type",
                                      std::string("Field `") + field.name + "` must be a string");
        }
        const std::string& value = it->get_ref<const std::string&>();
        if (value.size() > kMaxFieldBytes) {
            return errors::Unprocessable("field_too_long",
                                         std::string("Field `") + field.name + "` is too long");
        }
        fields.m_strings.emplace(field.name, value);
    }
    return fields;
}

}  // namespace skyloom::server
