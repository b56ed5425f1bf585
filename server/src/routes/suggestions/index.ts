import type { FastifyPluginAsync } from 'fastify';
import type { CreateSuggestionBody, DecideAllBody, ListSuggestionsQuery, PostSuggestionMessageBody } from '@dalil/shared/api/suggestions.ts';
import type { RouteServices } from '../routeServices.ts';
import type { ImageStore } from '../../images/imageStore.ts';
import { listSuggestions } from '../../suggestions/listSuggestions.ts';
import { createSuggestion } from '../../suggestions/createSuggestion.ts';
import { decideAllOf, decideSuggestion } from '../../suggestions/decideSuggestion.ts';
import { discussSuggestion, getSuggestion } from '../../suggestions/discussSuggestion.ts';
import {
  createSuggestionSchema,
  decideAllSchema,
  decideSuggestionSchema,
  discussSuggestionSchema,
  getSuggestionSchema,
  listSuggestionsSchema,
  suggestionCountsSchema,
} from './schemas.ts';

type SectionParams = { guideId: string; sectionId: string };
type SuggestionParams = SectionParams & { suggestionId: string };

/** Suggestions of a section, mounted under /api/guides/:guideId; the use cases are in server/src/suggestions/. */
const suggestionsRoute: FastifyPluginAsync<RouteServices & { images: ImageStore }> = async (app, services) => {
  app.get<{ Params: { guideId: string } }>('/suggestion-counts', { schema: suggestionCountsSchema }, async (request) => {
    services.access.authorize(request.auth?.user, request.params.guideId, 'guide.read');
    return Object.fromEntries(services.suggestions.openCountsBySection(request.params.guideId));
  });

  app.get<{ Params: SectionParams; Querystring: ListSuggestionsQuery }>('/sections/:sectionId/suggestions', { schema: listSuggestionsSchema }, async (request) =>
    listSuggestions(services, request.auth?.user, request.params, request.query.status),
  );

  app.post<{ Params: SectionParams; Body: CreateSuggestionBody }>(
    '/sections/:sectionId/suggestions',
    { schema: createSuggestionSchema },
    async (request, reply) => reply.code(201).send(await createSuggestion(services, request.auth?.user, request.params, request.body)),
  );

  app.get<{ Params: SuggestionParams }>('/sections/:sectionId/suggestions/:suggestionId', { schema: getSuggestionSchema }, async (request) =>
    getSuggestion(services, request.auth?.user, request.params),
  );

  app.post<{ Params: SuggestionParams; Body: PostSuggestionMessageBody }>(
    '/sections/:sectionId/suggestions/:suggestionId/messages',
    { schema: discussSuggestionSchema },
    async (request, reply) => reply.code(201).send(await discussSuggestion(services, request.auth?.user, request.params, request.body)),
  );

  for (const decision of ['accept', 'reject'] as const) {
    app.post<{ Params: SuggestionParams }>(
      `/sections/:sectionId/suggestions/:suggestionId/${decision}`,
      { schema: decideSuggestionSchema(decision) },
      async (request) => decideSuggestion(services, request.auth?.user, request.params, decision),
    );
    app.post<{ Params: SectionParams; Body: DecideAllBody }>(
      `/sections/:sectionId/suggestions/${decision}-all`,
      { schema: decideAllSchema(decision) },
      async (request) => {
        const suggestions = await decideAllOf(services, request.auth?.user, request.params, request.body.authorId, decision);
        return { decided: suggestions.length, suggestions };
      },
    );
  }
};

export default suggestionsRoute;
