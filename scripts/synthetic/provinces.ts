/**
 * The 58 provinces (tỉnh) of Việt Nam as named before the 2025 merger, the era of the
 * seed plans. The five centrally run cities are left out: their councils are "UBND thành
 * phố", which the generator does not need to vary the graph's shape.
 */
export const PROVINCES: readonly string[] = [
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh', 'Bến Tre',
  'Bình Định', 'Bình Dương', 'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cao Bằng', 'Đắk Lắk',
  'Đắk Nông', 'Điện Biên', 'Đồng Nai', 'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Tĩnh',
  'Hải Dương', 'Hậu Giang', 'Hòa Bình', 'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum',
  'Lai Châu', 'Lâm Đồng', 'Lạng Sơn', 'Lào Cai', 'Long An', 'Nam Định', 'Nghệ An', 'Ninh Bình',
  'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam', 'Quảng Ngãi', 'Quảng Ninh',
  'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên', 'Thanh Hóa',
  'Thừa Thiên Huế', 'Tiền Giang', 'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
];

/** Vietnamese full names for signers: family, middle and given names, recombined. */
export const FAMILY_NAMES: readonly string[] = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Phan', 'Đặng', 'Bùi', 'Đỗ', 'Huỳnh', 'Ngô'];
export const MIDDLE_NAMES: readonly string[] = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Hữu', 'Quốc', 'Ngọc', 'Tuệ', 'Giang'];
export const GIVEN_NAMES: readonly string[] = ['Chiến', 'Hiền', 'Trọng', 'Tân', 'Nam', 'Hùng', 'Lan', 'Dũng', 'Phúc', 'Sơn', 'Thắng', 'Hòa', 'Bình', 'Tâm'];
