package io.heitu.service.identity;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface UserRepository extends ListCrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);
}
