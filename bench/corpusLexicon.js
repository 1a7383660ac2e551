// Word pools for the synthetic benchmark corpus: the common prose around the names (nouns, verbs,
// phrases, quotes), name parts for generated surnames and organizations, and publications.
// Names of people, places and groups come from data packages (see generateCorpus.js).
'use strict';

const nouns = [
  'agreement', 'budget', 'ceasefire', 'election', 'reform', 'inquiry', 'tariff', 'proposal', 'deal', 'policy',
  'investigation', 'strike', 'protest', 'merger', 'settlement', 'lawsuit', 'referendum', 'summit', 'deficit', 'pipeline',
  'contract', 'vote', 'campaign', 'report', 'audit', 'treaty', 'sanction', 'loan', 'bond', 'subsidy',
  'coalition', 'crisis', 'shortage', 'recovery', 'outbreak', 'program', 'plan', 'bill', 'ruling', 'appeal',
  'negotiation', 'offensive', 'withdrawal', 'strategy', 'review', 'commission', 'hearing', 'memo', 'statement', 'forecast',
  'rate', 'price', 'wage', 'pension', 'tax', 'fund', 'project', 'bridge', 'harbor', 'railway',
  'hospital', 'school', 'factory', 'refinery', 'border', 'market', 'currency', 'supply', 'demand', 'vaccine',
  'drought', 'flood', 'wildfire', 'earthquake', 'storm', 'truce', 'reactor', 'satellite', 'network', 'platform',
];
const adjectives = [
  'new', 'proposed', 'controversial', 'long-awaited', 'fragile', 'bitter', 'sweeping', 'modest', 'costly', 'temporary',
  'regional', 'national', 'federal', 'local', 'foreign', 'domestic', 'economic', 'political', 'military', 'diplomatic',
  'senior', 'former', 'interim', 'unprecedented', 'narrow', 'broad', 'sudden', 'gradual', 'public', 'private',
  'secret', 'annual', 'quarterly', 'disputed', 'revised', 'emergency', 'preliminary', 'final', 'rival', 'joint',
];
// [base, past, third person, participle]
const verbs = [
  ['approve', 'approved', 'approves', 'approved'], ['reject', 'rejected', 'rejects', 'rejected'], ['delay', 'delayed', 'delays', 'delayed'],
  ['announce', 'announced', 'announces', 'announced'], ['criticize', 'criticized', 'criticizes', 'criticized'], ['defend', 'defended', 'defends', 'defended'],
  ['sign', 'signed', 'signs', 'signed'], ['block', 'blocked', 'blocks', 'blocked'], ['expand', 'expanded', 'expands', 'expanded'],
  ['cut', 'cut', 'cuts', 'cut'], ['raise', 'raised', 'raises', 'raised'], ['launch', 'launched', 'launches', 'launched'],
  ['suspend', 'suspended', 'suspends', 'suspended'], ['negotiate', 'negotiated', 'negotiates', 'negotiated'], ['question', 'questioned', 'questions', 'questioned'],
  ['support', 'supported', 'supports', 'supported'], ['oppose', 'opposed', 'opposes', 'opposed'], ['review', 'reviewed', 'reviews', 'reviewed'],
  ['unveil', 'unveiled', 'unveils', 'unveiled'], ['abandon', 'abandoned', 'abandons', 'abandoned'], ['finance', 'financed', 'finances', 'financed'],
  ['investigate', 'investigated', 'investigates', 'investigated'], ['challenge', 'challenged', 'challenges', 'challenged'], ['weaken', 'weakened', 'weakens', 'weakened'],
  ['strengthen', 'strengthened', 'strengthens', 'strengthened'], ['revive', 'revived', 'revives', 'revived'], ['postpone', 'postponed', 'postpones', 'postponed'],
  ['endorse', 'endorsed', 'endorses', 'endorsed'], ['win', 'won', 'wins', 'won'], ['lose', 'lost', 'loses', 'lost'],
];
const sayVerbs = ['said', 'told reporters', 'said in a statement', 'wrote in a letter', 'told lawmakers', 'said in an interview'];
const prepPhrases = [
  'after months of talks', 'despite strong opposition', 'amid rising prices', 'in a closed-door session', 'for the first time in a decade',
  'under pressure from donors', 'without a formal vote', 'ahead of the deadline', 'in a narrow decision', 'at a news conference',
  'behind closed doors', 'with little warning', 'in response to the protests', 'on the eve of the vote', 'after a lengthy review',
  'by a wide margin', 'in an unusual move', 'according to people familiar with the matter', 'in the face of mounting criticism', 'for the rest of the year',
];
const connectives = ['However,', 'Meanwhile,', 'Still,', 'In addition,', 'At the same time,', 'Even so,', 'Later,', 'By contrast,', 'As a result,', 'Separately,'];
const quoteOpeners = [
  'We will not accept', 'I have always supported', 'Nobody expected', 'We are deeply concerned about', 'This is the moment for',
  'I do not believe in', 'We have no choice but to review', 'The public deserves to know about', 'It is far too early to judge', 'We remain committed to',
];
const quoteClosers = [
  'under these conditions', 'at any price', 'before the end of the year', 'without a clear plan', 'in good faith',
  'as long as it takes', 'for the sake of our families', 'until the facts are clear', 'in the coming weeks', 'whatever happens next',
];
const personRoles = [
  'President', 'Prime Minister', 'Sen.', 'Rep.', 'Gov.', 'Mayor', 'Gen.', 'Judge', 'Dr.', 'Professor',
  'Finance Minister', 'Foreign Minister', 'Defense Secretary', 'Chancellor', 'Ambassador',
];
const descriptors = [
  'a spokesman for', 'the chief executive of', 'a senior adviser at', 'the chairwoman of', 'an analyst at',
  'a lawyer for', 'the director of', 'a researcher at', 'a board member of', 'the former head of',
];
const orgDomains = [
  'Finance', 'Defense', 'Health', 'Education', 'Energy', 'Interior', 'Justice', 'Agriculture', 'Trade', 'Transport',
  'Labor', 'Environment', 'Culture', 'Housing', 'Water Resources', 'Foreign Affairs', 'Communications', 'Industry', 'Tourism', 'Fisheries',
];
const partyWords = [
  'National', 'Democratic', 'Liberal', 'Conservative', 'Progressive', 'Popular', 'Socialist', 'Green', 'Unity', 'Freedom',
  'Reform', 'Civic', 'Labor', 'Republican', 'Federal', 'People\'s', 'Renewal', 'Justice', 'Future', 'Citizens\'',
];
const partyNouns = ['Party', 'Alliance', 'Front', 'Movement', 'Union', 'Congress', 'League', 'Coalition'];
const industries = [
  'Energy', 'Mining', 'Steel', 'Shipping', 'Pharmaceuticals', 'Telecom', 'Motors', 'Airlines', 'Foods', 'Chemicals',
  'Capital', 'Media', 'Logistics', 'Textiles', 'Semiconductors', 'Insurance', 'Petroleum', 'Robotics', 'Cement', 'Biotech',
];
const corpSuffixes = ['Corp.', 'Inc.', 'Group', 'Holdings', 'Ltd.', 'Co.', 'Partners', 'Industries'];
const institutions = ['Institute for Policy Studies', 'Center for Strategic Research', 'University', 'Central Bank', 'Chamber of Commerce', 'Supreme Court', 'Election Commission', 'Red Cross', 'Port Authority', 'Football Club'];
const extraGroups = [
  'Democrats', 'Republicans', 'Sunnis', 'Shiites', 'Kurds', 'Catholics', 'Muslims', 'Protestants', 'Conservatives', 'Socialists',
  'Evangelicals', 'Pashtuns', 'Tamils', 'Druze', 'Alawites', 'Hindus', 'Sikhs', 'Baptists', 'Maoists', 'Basques',
];
const publications = [
  'The Daily Ledger', 'Northern Times', 'The Harbor Gazette', 'Continental Review', 'The Evening Courier', 'Metro Tribune',
  'The Capital Observer', 'Global Wire Service', 'The Weekly Standard-Bearer', 'Coastal Herald', 'The Policy Brief', 'Frontier Post',
];
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const monthsAp = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const monthsFull = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const relativeDates = [
  'last year', 'next month', 'last week', 'yesterday', 'earlier this year', 'two weeks ago', 'next year', 'this month',
  'three days ago', 'later this week', 'last month', 'tomorrow',
];

// Surname syllables (pronounceable, not real names).
const onsets = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'kr', 'l', 'm', 'n', 'p', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z', 'th', 'al', 'el', 'or'];
const nuclei = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'ie', 'a'];
const codas = ['', '', 'n', 'r', 's', 'l', 'm', 'nd', 'rt', 'ck', 'll', 'th', 'k', 'v'];
const surnameEndings = ['', '', '', 'son', 'ez', 'ov', 'ski', 'ton', 'berg', 'ini', 'ley', 'man', 'ard', 'elli', 'sen', 'ich'];

module.exports = {
  nouns, adjectives, verbs, sayVerbs, prepPhrases, connectives, quoteOpeners, quoteClosers, personRoles, descriptors,
  orgDomains, partyWords, partyNouns, industries, corpSuffixes, institutions, extraGroups, publications,
  weekdays, monthsAp, monthsFull, relativeDates, onsets, nuclei, codas, surnameEndings,
};
