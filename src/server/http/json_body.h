// Strict reading of JSON request bodies: size limit, syntax, UTF-8, required and allowed
// fields and their types. Every failure is a 4xx Error naming the field.
//
//   JsonBody body = ...;
//   auto fields = ReadFields(request_body, {{"username", kString}, {"password", kString}});
//   if (!fields) return Send(fields.error());
//   const std::string& name = fields.value().String("username");
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <unordered_map>

#include "model/models.h"

namespace skyloom::server {

constexpr size_t kMaxJsonBodyBytes = 64 * 1024;  // the longest valid body is a 2000-char post

// kInteger: a JSON integer (not 1.5, not "1"). kBool, kArray and kObject keep the JSON value
// (Fields::Bool / Fields::Value); the caller validates what is inside arrays and objects.
enum class FieldType { kString, kInteger, kBool, kArray, kObject };

struct FieldSpec {
    const char* name;
    FieldType type = FieldType::kString;
    bool required = true;
};

class Fields {
  public:
    [[nodiscard]] const std::string& String(const std::string& name) const;
    // An integer field's value, `fallback` when it was absent.
    [[nodiscard]] int64_t Int(const std::string& name, int64_t fallback) const;
    [[nodiscard]] bool Has(const std::string& name) const {
        return m_strings.count(name) > 0 || m_ints.count(name) > 0 || m_values.count(name) > 0;
    }
    // For kBool fields; false when absent.
    [[nodiscard]] bool Bool(const std::string& name) const;
    // For kBool, kArray and kObject fields; null when absent.
    [[nodiscard]] const Json& Value(const std::string& name) const;

  private:
    friend Result<Fields> ReadFields(const std::string&, std::initializer_list<FieldSpec>);
    std::unordered_map<std::string, std::string> m_strings;
    std::unordered_map<std::string, int64_t> m_ints;
    std::unordered_map<std::string, Json> m_values;
};

// Max string length per field guards against megabyte strings reaching the services.
constexpr size_t kMaxFieldBytes = 16 * 1024;

[[nodiscard]] Result<Fields> ReadFields(const std::string& body,
                                        std::initializer_list<FieldSpec> spec);

}  // namespace skyloom::server
