import type { Strings } from '../../i18n/use-strings.ts';

export const feedbackStrings: Strings<{
  goodAnswer: string;
  badAnswer: string;
  rate: string;
  rated: (rating: number) => string;
  formLabel: string;
  rating: string;
  ratingValue: (rating: number) => string;
  comment: string;
  commentHint: string;
  commentTooLong: (max: number) => string;
  save: string;
  remove: string;
  cancel: string;
  saveFailed: string;
  yourFeedback: (rating: number) => string;
}> = {
  en: {
    goodAnswer: 'Good answer',
    badAnswer: 'Bad answer',
    rate: 'Rate',
    rated: (rating) => `Rated ${rating}/5`,
    formLabel: 'Rate this answer',
    rating: 'Rating',
    ratingValue: (rating) => `${rating} of 5`,
    comment: 'Comment',
    commentHint: 'Optional. Stays with your chats; it is not sent to the model’s provider.',
    commentTooLong: (max: number) => `The comment is too long: at most ${max.toLocaleString('en')} characters.`,
    save: 'Save rating',
    remove: 'Remove rating',
    cancel: 'Cancel',
    saveFailed: 'The rating could not be saved. Your comment is still here.',
    yourFeedback: (rating: number) => `Your rating: ${rating}/5`,
  },
  'zh-CN': {
    goodAnswer: '好回答',
    badAnswer: '差回答',
    rate: '评分',
    rated: (rating) => `已评 ${rating}/5`,
    formLabel: '为这个回答评分',
    rating: '评分',
    ratingValue: (rating) => `${rating} 分（满分 5）`,
    comment: '评论',
    commentHint: '可选。只和你的聊天保存在一起，不会发送给模型提供方。',
    commentTooLong: (max: number) => `评论太长：最多 ${max.toLocaleString('zh-CN')} 个字符。`,
    save: '保存评分',
    remove: '删除评分',
    cancel: '取消',
    saveFailed: '评分未能保存。你的评论还在这里。',
    yourFeedback: (rating: number) => `你的评分：${rating}/5`,
  },
};
