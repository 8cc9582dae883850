package io.heitu.service.identity;

import org.springframework.data.repository.ListCrudRepository;

interface OrgCaRepository extends ListCrudRepository<OrgCa, String> {}
