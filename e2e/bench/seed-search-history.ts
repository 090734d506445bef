// Runs inside the page: writes a history of English and Chinese messages with a realistic spread of words
// (a few very common, most rare) straight into the app's IndexedDB, as fast as IndexedDB allows, and
// returns texts to search for that are known to be there. The app must have opened the database once.

export interface SearchSeedOptions {
  chats: number;
  messages: number;
}

export interface SearchSeed {
  /** Milliseconds the raw writes took: the reference the index build is compared with. */
  writeMs: number;
  queries: { label: string; text: string }[];
}

/** Seeds `messages` messages over `chats` chats, every other chat in Chinese. */
export async function seedSearchHistory(options: SearchSeedOptions): Promise<SearchSeed> {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  // A skewed pick: low indexes (common words) far more often than high ones.
  const skewed = <T>(items: readonly T[]): T => items[Math.floor(items.length * random() ** 3)] as T;
  const common = 'the of and to a in is it you that was for on are with as be this have from or by not but what'.split(
    ' ',
  );
  const syllables = 'ka lo mi ne su ra to vi pe zo an el ir ur ost ber gan dil mor ques tion ment ing pro sta'.split(
    ' ',
  );
  const vocabulary = [...common];
  while (vocabulary.length < 6_000) {
    const length = 2 + Math.floor(random() * 3);
    vocabulary.push(Array.from({ length }, () => syllables[Math.floor(random() * syllables.length)]).join(''));
  }
  const hanzi = Array.from(
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞',
  );
  const english = (length: number) => Array.from({ length }, () => skewed(vocabulary)).join(' ');
  const chinese = (length: number) => {
    let text = '';
    for (let at = 0; at < length; at++) text += skewed(hanzi) + (random() < 0.08 ? '，' : '');
    return `${text}。`;
  };

  const open = indexedDB.open('hearth');
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const now = Date.now();
  let sequence = 0;
  const id = () => {
    sequence += 1;
    const hex = (now + sequence).toString(16).padStart(12, '0');
    const rest = sequence.toString(16).padStart(15, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rest.slice(0, 3)}-8${rest.slice(3, 6)}-${rest.slice(3, 15)}`;
  };
  const clock = (offset: number) => `${String(now - 1_000_000 + offset).padStart(15, '0')}-000000-seed`;
  const chats: Record<string, unknown>[] = [];
  const messages: Record<string, unknown>[] = [];
  const perChat = Math.ceil(options.messages / options.chats);
  for (let c = 0; c < options.chats; c++) {
    const chatId = id();
    const inChinese = c % 2 === 1;
    chats.push({
      id: chatId,
      updatedAt: clock(c),
      deleted: false,
      title: `${inChinese ? '对话' : 'Chat'} ${c}`,
      systemPrompt: '',
      modelConfigId: null,
      params: {},
      pinned: false,
      forkedFrom: null,
      createdAt: now - 1_000_000 + c * perChat,
      lastActivityAt: now - 1_000_000 + (c + 1) * perChat,
    });
    for (let m = 0; m < perChat && messages.length < options.messages; m++) {
      const user = m % 2 === 0;
      const length = user ? 8 + Math.floor(random() * 30) : 30 + Math.floor(random() * 150);
      messages.push({
        id: id(),
        updatedAt: clock(messages.length),
        deleted: false,
        chatId,
        role: user ? 'user' : 'assistant',
        content: inChinese ? chinese(length) : english(length),
        reasoning: '',
        status: 'done',
        error: null,
        model: user ? null : 'bench-model',
        usage: null,
        createdAt: now - 1_000_000 + c * perChat + m,
        feedback: null,
        connection: null,
      });
    }
  }

  const writeStart = performance.now();
  const write = (store: string, records: Record<string, unknown>[]) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(store, 'readwrite');
      for (const record of records) tx.objectStore(store).put(record);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  for (let from = 0; from < messages.length; from += 5_000) await write('messages', messages.slice(from, from + 5_000));
  await write('chats', chats);
  const writeMs = performance.now() - writeStart;
  // The history arrived without the app: its search index is missing, as after an upgrade from v5.
  await new Promise((resolve, reject) => {
    const tx = db.transaction('searchState', 'readwrite');
    tx.objectStore('searchState').clear();
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();

  // Texts known to be there: words of several frequencies, and Chinese taken from seeded messages.
  const chineseText = String(messages.find((message) => /[\u4e00-\u9fff]{6}/.test(String(message.content)))?.content);
  const run = /[\u4e00-\u9fff]{4,}/.exec(chineseText)?.[0] ?? '';
  return {
    writeMs,
    queries: [
      { label: 'English, rare word', text: vocabulary[4_000] ?? '' },
      { label: 'English, mid-frequency word', text: vocabulary[300] ?? '' },
      { label: 'English, very common word', text: 'the' },
      { label: 'English, two words', text: `${vocabulary[100]} ${vocabulary[200]}` },
      { label: 'English, prefix while typing', text: (vocabulary[500] ?? '').slice(0, 3) },
      { label: 'Chinese, one character', text: hanzi[200] ?? '' },
      { label: 'Chinese, two characters', text: run.slice(0, 2) },
      { label: 'Chinese, four characters', text: run.slice(0, 4) },
    ],
  };
}
