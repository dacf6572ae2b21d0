import type { MikroORM } from '@mikro-orm/core';
import { type Response, Router } from 'express';
import { Feed } from 'feed';
import type { AppConfig } from '../../config.js';
import { unitOfWork } from '../../db/unit-of-work.js';
import { OPEN_DATA_LICENCE } from '../open-data/open-data.service.js';
import { streamJson } from '../open-data/open-data.routes.js';
import { discussionUrl, findPublicDiscussion, latestNetworkQuestions, publicDiscussionRecords, publicPosts } from './discussion-open-data.js';
import { escapeHtml } from '@synapse/domain';
import { plainText } from './markdown.js';

/**
 * Discussions as open data: a JSON export of every public discussion with its visible posts, an Atom feed of new
 * network questions, and one per discussion. Hidden posts and discussions never appear; deleted posts only as
 * placeholders.
 */
export function discussionOpenDataRoutes({ orm, config }: { orm: MikroORM; config: AppConfig }): Router {
  const router = Router();
  const feed = (title: string, path: string, updated: Date, alternate: string) =>
    new Feed({ id: `${config.publicUrl}${path}`, title, link: alternate, updated, copyright: OPEN_DATA_LICENCE.text, feedLinks: { atom: `${config.publicUrl}${path}` }, generator: 'Synapse' });
  const send = (res: Response, built: Feed) => res.type('application/atom+xml').send(built.atom1());

  router.get('/export/discussions.json', async (_req, res, next) => {
    try {
      await streamJson(res, config, 'discussions', publicDiscussionRecords(unitOfWork(orm), config.publicUrl));
    } catch (error) {
      next(error);
    }
  });

  router.get('/feeds/questions.atom', async (_req, res, next) => {
    try {
      const questions = await latestNetworkQuestions(unitOfWork(orm));
      const built = feed('New questions to the network on Synapse', '/feeds/questions.atom', questions[0]?.createdAt ?? new Date(), `${config.publicUrl}/questions`);
      for (const question of questions) {
        const url = discussionUrl(config.publicUrl, question);
        built.addItem({ id: url, title: escapeHtml(question.title), link: url, date: question.createdAt, author: [{ name: question.author.getEntity().name }] });
      }
      send(res, built);
    } catch (error) {
      next(error);
    }
  });

  router.get('/feeds/discussions/:id.atom', async (req, res, next) => {
    try {
      const em = unitOfWork(orm);
      const discussion = await findPublicDiscussion(em, req.params.id);
      if (!discussion) return void res.status(404).type('text/plain').send('No public discussion has this id.');
      const posts = (await publicPosts(em, [discussion.id])).filter((post) => !post.deletedAt);
      const url = discussionUrl(config.publicUrl, discussion);
      const built = feed(`Replies to “${escapeHtml(discussion.title)}”`, `/feeds/discussions/${discussion.id}.atom`, discussion.lastActivityAt, url);
      for (const post of posts) {
        built.addItem({
          id: `${url}#post-${post.id}`,
          title: escapeHtml(`${post.author.getEntity().name}${post.fromTeam ? ' (team)' : ''}${post.opening ? ' asked' : ' replied'}`),
          link: `${url}#post-${post.id}`,
          date: post.createdAt,
          description: escapeHtml(plainText(post.body)),
          content: post.bodyHtml, // sanitised HTML, its text already escaped
          author: [{ name: post.author.getEntity().name }],
        });
      }
      send(res, built);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
