// Journal payloads (renewal/base/journal.h) as little-endian integers and
// length-prefixed strings: the one encoder and reader the ledger and progress stores
// share. Not installed.
#ifndef RENEWAL_BASE_PAYLOAD_CODEC_H_
#define RENEWAL_BASE_PAYLOAD_CODEC_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "renewal/base/labels.h"

namespace renewal::internal {

template <class T>
void Put(std::string* out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));  // little-endian hosts only (x86-64, aarch64)
  out->append(buf, sizeof(T));
}
inline void PutStr(std::string* out, std::string_view s) {
  Put<std::uint32_t>(out, static_cast<std::uint32_t>(s.size()));
  out->append(s);
}
inline void PutStrings(std::string* out, const std::vector<std::string>& v) {
  Put<std::uint32_t>(out, static_cast<std::uint32_t>(v.size()));
  for (const std::string& s : v) PutStr(out, s);
}

// Reads what Put* wrote; every Get is false (and reads nothing sensible after) when
// the payload is too short or a value is out of range.
class PayloadReader {
 public:
  explicit PayloadReader(std::string_view s) : s_(s) {}
  template <class T>
  bool Get(T* v) {
    if (s_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, s_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  // A label stored as one byte; a number past the label table is false.
  template <class E>
  bool GetEnum(E* v) {
    std::uint8_t b = 0;
    if (!Get(&b) || b >= LabelCount<E>()) return false;
    *v = static_cast<E>(b);
    return true;
  }
  bool GetStr(std::string* v) {
    std::uint32_t n = 0;
    if (!Get(&n) || s_.size() - pos_ < n) return false;
    v->assign(s_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  bool GetStrings(std::vector<std::string>* v) {
    std::uint32_t n = 0;
    if (!Get(&n) || n > s_.size() - pos_) return false;  // each string takes >= 4 bytes
    v->resize(n);
    for (std::string& s : *v) {
      if (!GetStr(&s)) return false;
    }
    return true;
  }
  std::string_view rest() const { return s_.substr(pos_); }
  void skip(std::size_t n) { pos_ += n; }
  bool done() const { return pos_ == s_.size(); }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace renewal::internal

#endif  // RENEWAL_BASE_PAYLOAD_CODEC_H_
