/**
 * The capital cities of the world's countries and territories (241), as world-countries@5.1.0 lists
 * them ("Washington D.C." as "Washington"), without those named like their country ("Singapore"): a
 * capital can stand for its government ("Washington warned Tehran"), a country name stays a place.
 * Generated from the package data by scripts/build-capital-cities.js; no entry was chosen by hand.
 */
export const CAPITAL_CITIES: ReadonlySet<string> = new Set([
  'Abu Dhabi', 'Abuja', 'Accra', 'Adamstown', 'Addis Ababa', 'Algiers', 'Alofi', 'Amman', 'Amsterdam',
  'Andorra la Vella', 'Ankara', 'Antananarivo', 'Apia', 'Ashgabat', 'Asmara', 'Astana', 'Asunción', 'Athens',
  'Avarua', 'Baghdad', 'Baku', 'Bamako', 'Bandar Seri Begawan', 'Bangkok', 'Bangui', 'Banjul', 'Basse-Terre',
  'Basseterre', 'Beijing', 'Beirut', 'Belgrade', 'Belmopan', 'Berlin', 'Bern', 'Bishkek', 'Bissau',
  'Bloemfontein', 'Bogotá', 'Brasília', 'Bratislava', 'Brazzaville', 'Bridgetown', 'Brussels', 'Bucharest',
  'Budapest', 'Buenos Aires', 'Cairo', 'Canberra', 'Cape Town', 'Caracas', 'Castries', 'Cayenne',
  'Charlotte Amalie', 'Chișinău', 'City of San Marino', 'City of Victoria', 'Cockburn Town', 'Colombo',
  'Conakry', 'Copenhagen', 'Dakar', 'Damascus', 'Dhaka', 'Diego Garcia', 'Dili', 'Dodoma', 'Doha', 'Douglas',
  'Dublin', 'Dushanbe', 'El Aaiún', 'Fakaofo', 'Flying Fish Cove', 'Fort-de-France', 'Freetown', 'Funafuti',
  'Gaborone', 'George Town', 'Georgetown', 'Gitega', 'Guatemala City', 'Gustavia', 'Hagåtña', 'Hamilton',
  'Hanoi', 'Harare', 'Havana', 'Helsinki', 'Honiara', 'Islamabad', 'Jakarta', 'Jamestown', 'Jerusalem',
  'Juba', 'Kabul', 'Kampala', 'Kathmandu', 'Khartoum', 'Kigali', 'King Edward Point', 'Kingston', 'Kingstown',
  'Kinshasa', 'Kralendijk', 'Kuala Lumpur', 'Kuwait City', 'Kyiv', 'Libreville', 'Lilongwe', 'Lima', 'Lisbon',
  'Ljubljana', 'Lobamba', 'Lomé', 'London', 'Longyearbyen', 'Luanda', 'Lusaka', 'Madrid', 'Majuro', 'Malabo',
  'Malé', 'Mamoudzou', 'Managua', 'Manama', 'Manila', 'Maputo', 'Mariehamn', 'Marigot', 'Maseru', 'Mata-Utu',
  'Mexico City', 'Minsk', 'Mogadishu', 'Monrovia', 'Montevideo', 'Moroni', 'Moscow', 'Muscat', 'N\'Djamena',
  'Nairobi', 'Nassau', 'Naypyidaw', 'New Delhi', 'Ngerulmud', 'Niamey', 'Nicosia', 'Nouakchott', 'Nouméa',
  'Nuku\'alofa', 'Nuuk', 'Oranjestad', 'Oslo', 'Ottawa', 'Ouagadougou', 'Pago Pago', 'Palikir', 'Panama City',
  'Papeetē', 'Paramaribo', 'Paris', 'Philipsburg', 'Phnom Penh', 'Plymouth', 'Podgorica', 'Port Louis',
  'Port Moresby', 'Port Vila', 'Port of Spain', 'Port-au-Prince', 'Port-aux-Français', 'Porto-Novo', 'Prague',
  'Praia', 'Pretoria', 'Pristina', 'Pyongyang', 'Quito', 'Rabat', 'Ramallah', 'Reykjavik', 'Riga', 'Riyadh',
  'Road Town', 'Rome', 'Roseau', 'Saint Helier', 'Saint John\'s', 'Saint-Denis', 'Saint-Pierre', 'Saipan',
  'San José', 'San Juan', 'San Salvador', 'Sana\'a', 'Santiago', 'Santo Domingo', 'Sarajevo', 'Seoul',
  'Skopje', 'Sofia', 'South Tarawa', 'St. George\'s', 'St. Peter Port', 'Stanley', 'Stockholm', 'Sucre',
  'Suva', 'São Tomé', 'Taipei', 'Tallinn', 'Tashkent', 'Tbilisi', 'Tegucigalpa', 'Tehran', 'The Bottom',
  'The Valley', 'Thimphu', 'Tirana', 'Tokyo', 'Tripoli', 'Tunis', 'Tórshavn', 'Ulan Bator', 'Vaduz',
  'Valletta', 'Victoria', 'Vienna', 'Vientiane', 'Vilnius', 'Warsaw', 'Washington', 'Wellington',
  'West Island', 'Willemstad', 'Windhoek', 'Yamoussoukro', 'Yaoundé', 'Yaren', 'Yerevan', 'Zagreb',
]);
